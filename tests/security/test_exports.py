"""Spreadsheet exports neutralise cells that a spreadsheet would evaluate."""

import csv
import io

import pytest
from django_tenants.utils import schema_context

from cms.exports import spreadsheet_cell_neutralise
from cms.pages.models import EventPage, EventRegistration
from tests.cms.factories import EventPageFactory, region_sections

pytestmark = pytest.mark.django_db

DANGEROUS = [
    '=HYPERLINK("http://example.org/","Klick")',
    "+49 231 1234",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("value", DANGEROUS)
def test_dangerous_cells_become_text(value):
    assert spreadsheet_cell_neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["Erika", "erika@example.org", "", "1-2", 5, None])
def test_harmless_values_are_unchanged(value):
    assert spreadsheet_cell_neutralise(value) == value


@pytest.fixture
def export_client(regions, make_user, region_client):
    with schema_context("dortmund"):
        event = EventPageFactory(
            parent=region_sections()["events"],
            registration=EventPage.Registration.FORM,
            capacity=10,
        )
        for number, name in enumerate(DANGEROUS):
            EventRegistration.objects.create(
                event=event, name=name, email=f"p{number}@example.org"
            )
    user = make_user("dortmund", "mona", groups=["Moderators"])
    client = region_client("dortmund")
    with schema_context("dortmund"):
        client.force_login(user)
    return client


def test_registrations_csv_has_no_formula_cells(export_client):
    response = export_client.get("/admin/snippets/pages/eventregistration/?export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(text, newline="")))
    names = {row[0] for row in rows[1:]}
    assert names == {"'" + value for value in DANGEROUS}
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row


def test_registrations_xlsx_has_no_formula_cells(export_client):
    from openpyxl import load_workbook

    response = export_client.get("/admin/snippets/pages/eventregistration/?export=xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    names = {row[0].value for row in sheet.iter_rows(min_row=2)}
    # XML turns a carriage return into a line feed; the apostrophe stays first.
    assert names == {"'" + value.replace("\r", "\n") for value in DANGEROUS}
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            assert cell.data_type != "f"


def test_wagtail_reports_are_neutralised_too(regions, make_user, region_client):
    from tests.cms.factories import StandardPageFactory, region_home

    with schema_context("halle"):
        page = StandardPageFactory(parent=region_home(), title="=1+1", slug="formel")
        page.save_revision().publish()
    user = make_user("halle", "ada", superuser=True)
    client = region_client("halle")
    with schema_context("halle"):
        client.force_login(user)
    response = client.get("/admin/reports/aging-pages/?export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    cells = [cell for row in csv.reader(io.StringIO(text, newline="")) for cell in row]
    assert "'=1+1" in cells
    assert "=1+1" not in cells
