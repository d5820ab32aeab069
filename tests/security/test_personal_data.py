"""``manage.py personal_data export|erase``: one person's data in every region
and the portal, including the revisions of club portraits."""

import json
import logging

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tenants.utils import schema_context
from wagtail.models import Revision

from cms.pages.models import ClubPortraitPage, EventPage, EventRegistration
from tenants.personal_data import (
    PersonalDataProvider,
    personal_data_providers,
)
from tests.cms.factories import (
    ClubPortraitPageFactory,
    EventPageFactory,
    region_sections,
)

pytestmark = pytest.mark.django_db

EMAIL = "erika.beispiel@example.org"


@pytest.fixture
def erika(regions, make_user):
    """Erika: an account in Halle and the portal, a registration in Dortmund,
    the contact person of a Potsdam portrait (live and in two revisions)."""
    make_user("halle", "erika", groups=["Editors"])
    with schema_context("halle"):
        get_user_model().objects.filter(username="erika").update(email=EMAIL)
    make_user("public", "erika-portal")
    with schema_context("public"):
        get_user_model().objects.filter(username="erika-portal").update(
            email=EMAIL.upper()
        )
    with schema_context("dortmund"):
        event = EventPageFactory(
            parent=region_sections()["events"],
            registration=EventPage.Registration.FORM,
            capacity=5,
        )
        EventRegistration.objects.create(
            event=event, name="Erika Beispiel", email=EMAIL, confirmed=timezone.now()
        )
        EventRegistration.objects.create(
            event=event, name="Otto", email="otto@example.org"
        )
    with schema_context("potsdam"):
        portrait = ClubPortraitPageFactory(
            parent=region_sections()["clubs"],
            contact_name="Erika Beispiel",
            contact_email=EMAIL,
            contact_consent=True,
        )
        portrait.save_revision().publish()
        portrait.summary = "Neuer Entwurf"
        portrait.save_revision()
        other = ClubPortraitPageFactory(
            parent=portrait.get_parent(),
            contact_name="Otto",
            contact_email="otto@example.org",
        )
        other.save_revision()
    return {"portrait": portrait.pk, "other": other.pk}


def _export(capsys) -> dict:
    capsys.readouterr()
    call_command("personal_data", "export", "--email", EMAIL)
    return json.loads(capsys.readouterr().out)


def test_export_finds_everything_in_every_schema(erika, capsys):
    data = _export(capsys)
    schemas = data["schemas"]
    assert set(schemas) == {"public", "dortmund", "potsdam", "halle"}
    assert schemas["halle"]["users"][0]["username"] == "erika"
    assert schemas["halle"]["users"][0]["groups"] == ["Editors"]
    assert schemas["public"]["users"][0]["username"] == "erika-portal"
    [registration] = schemas["dortmund"]["event_registrations"]
    assert registration["name"] == "Erika Beispiel"
    contacts = schemas["potsdam"]["portrait_contacts"]
    assert contacts[0]["page_id"] == erika["portrait"]
    assert len([c for c in contacts if "revision_id" in c]) == 2
    assert "otto" not in json.dumps(data)


def test_dry_run_reports_and_changes_nothing(erika, capsys):
    before = _export(capsys)
    call_command("personal_data", "erase", "--email", EMAIL, "--dry-run")
    out = capsys.readouterr().out
    assert "dortmund: event_registrations: deleted the registration" in out
    assert "potsdam: portrait_contacts: removed the contact person" in out
    assert "Nothing was changed (dry run)." in out
    assert _export(capsys) == before


def test_erase_removes_everything_and_keeps_the_rest(erika, capsys, caplog):
    with caplog.at_level(logging.WARNING, logger="insist.personal_data"):
        call_command("personal_data", "erase", "--email", EMAIL)
    out = capsys.readouterr().out
    assert "halle: users: deleted the account 'erika'" in out
    assert "public: users: deleted the account 'erika-portal'" in out
    assert "revision" in out
    assert _export(capsys)["schemas"] == {}

    with schema_context("potsdam"):
        portrait = ClubPortraitPage.objects.get(pk=erika["portrait"])
        assert (portrait.contact_name, portrait.contact_email) == ("", "")
        assert portrait.contact_consent is False
        for revision in Revision.page_revisions.filter(object_id=str(portrait.pk)):
            assert revision.content["contact_email"] == ""
            assert revision.content["contact_name"] == ""
        # The draft's other changes survive.
        assert portrait.get_latest_revision().content["summary"] == "Neuer Entwurf"
        other = ClubPortraitPage.objects.get(pk=erika["other"])
        assert other.contact_email == "otto@example.org"
    with schema_context("dortmund"):
        assert list(EventRegistration.objects.values_list("email", flat=True)) == [
            "otto@example.org"
        ]
    # The log says what was erased, but not whose address it was.
    assert caplog.records
    assert all(EMAIL not in record.getMessage() for record in caplog.records)
    assert {"halle", "dortmund", "potsdam", "public"} <= {
        part.split("=")[1]
        for record in caplog.records
        for part in record.getMessage().split()
        if part.startswith("schema=")
    }


def test_erase_of_an_unknown_address_changes_nothing(regions, capsys):
    call_command("personal_data", "erase", "--email", "niemand@example.org")
    assert "Nothing found" in capsys.readouterr().out


def test_a_malformed_address_is_refused(regions):
    with pytest.raises(CommandError, match="Nothing was changed"):
        call_command("personal_data", "export", "--email", "kein-at")


def test_apps_add_their_own_providers():
    names = {provider.name for provider in personal_data_providers()}
    assert {"users", "event_registrations", "portrait_contacts"} <= names
    assert all(isinstance(p, PersonalDataProvider) for p in personal_data_providers())
