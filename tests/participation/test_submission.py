"""A club enters the directory itself: double opt-in, a draft in moderation,
the submitter told when it is published or returned; change requests; abuse."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django_tenants.utils import schema_context
from PIL import Image
from wagtail.models import WorkflowState

from cms.pages.models import ClubPortraitPage
from cms.pages.services import WORKFLOW_NAME
from cms.participation.models import ClubSubmission
from cms.taxonomy.models import District, FieldOfActivity, MigrationReference
from tests.cms.factories import ClubPortraitPageFactory, club_directory

pytestmark = pytest.mark.django_db

SUBMIT = "/mitmachen/verein-eintragen/"
CHANGE = "/mitmachen/verein-aendern/"


def _district(slug):
    return District.objects.filter(region__schema_name=slug).first()


def _form(slug="dortmund", **overrides):
    data = {
        "title": "Deutsch-Türkischer Chor <b>Nord</b>",
        "summary": "Wir singen zusammen.<script>alert(1)</script>",
        "description": "Seit 1999.\n\nJeden Dienstag.",
        "fields_of_activity": [FieldOfActivity.objects.first().pk],
        "migration_reference": MigrationReference.objects.get(slug="with").pk,
        "district": _district(slug).pk,
        "website": "https://chor.example.org",
        "offers": "Auftritte",
        "seeks": "Partner",
        "contact_name": "Ayşe Beispiel",
        "contact_email": "Ayse@Example.org",
        "contact_consent": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(out, "PNG")
    return out.getvalue()


def _link(mail) -> str:
    return re.search(r"https?://\S+", mail.body).group(0)


def _path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


@pytest.fixture
def directory(regions):
    with schema_context("dortmund"):
        club_directory()


def test_submission_becomes_a_draft_in_the_regions_workflow_only_after_confirmation(
    directory, region_client, mailoutbox
):
    client = region_client("dortmund")
    logo = SimpleUploadedFile("logo.exe", _png(), content_type="text/plain")
    response = client.post(SUBMIT, {**_form(), "logo": logo})
    assert response.status_code == 200
    with schema_context("dortmund"):
        assert not ClubPortraitPage.objects.filter(title__startswith="Deutsch").exists()
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["ayse@example.org"]
    link = _link(mailoutbox[0])
    assert "dortmund.localhost" in link
    assert client.get(_path(link)).status_code == 200  # GET only shows a button
    with schema_context("dortmund"):
        assert not ClubPortraitPage.objects.filter(title__startswith="Deutsch").exists()
    assert client.post(_path(link)).status_code == 200
    with schema_context("dortmund"):
        page = ClubPortraitPage.objects.get(title__startswith="Deutsch")
        assert not page.live
        assert page.contact_consent and page.contact_consent_date
        assert page.logo is not None
        assert page.logo.file.name.endswith(".png")
        state = WorkflowState.objects.get(object_id=str(page.pk))
        assert state.workflow.name == WORKFLOW_NAME
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
        assert "&lt;script&gt;" not in page.summary  # stored as typed ...
    # ... and never rendered unescaped
    assert client.post(_path(link)).status_code == 400  # used once


def test_approval_publishes_and_tells_the_submitter(
    directory, region_client, mailoutbox
):
    client = region_client("dortmund")
    client.post(SUBMIT, _form())
    client.post(_path(_link(mailoutbox[0])))
    with schema_context("dortmund"):
        page = ClubPortraitPage.objects.get(title__startswith="Deutsch")
        page.current_workflow_task_state.approve(user=None)
        page.refresh_from_db()
        assert page.live
        url = page.url
    assert len(mailoutbox) == 2 and mailoutbox[-1].to == ["ayse@example.org"]
    assert "dortmund.localhost" + url in mailoutbox[-1].body.replace(":80", "")
    body = client.get(url).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_returned_portrait_tells_the_submitter_and_stays_unpublished(
    directory, region_client, mailoutbox
):
    client = region_client("dortmund")
    client.post(SUBMIT, _form())
    client.post(_path(_link(mailoutbox[0])))
    with schema_context("dortmund"):
        page = ClubPortraitPage.objects.get(title__startswith="Deutsch")
        page.current_workflow_task_state.reject(user=None)
        page.refresh_from_db()
        assert not page.live
    assert len(mailoutbox) == 2
    assert mailoutbox[-1].to == ["ayse@example.org"]


def test_district_of_another_region_is_refused_and_nothing_is_kept(
    directory, region_client, mailoutbox
):
    client = region_client("dortmund")
    with schema_context("dortmund"):
        halle = _district("halle").pk
    response = client.post(SUBMIT, _form(district=halle))
    assert response.status_code == 400
    with schema_context("dortmund"):
        assert ClubSubmission.objects.count() == 0
    assert mailoutbox == []


def test_logo_that_is_not_an_image_by_content_is_refused(
    directory, region_client, mailoutbox
):
    client = region_client("dortmund")
    fake = SimpleUploadedFile("logo.png", b"<?php echo 1; ?>", content_type="image/png")
    response = client.post(SUBMIT, {**_form(), "logo": fake})
    assert response.status_code == 400
    assert "logo" in response.content.decode().lower()
    with schema_context("dortmund"):
        assert ClubSubmission.objects.count() == 0
    assert mailoutbox == []


@override_settings(INSIST_CLUB_LOGO_MAX_BYTES=100)
def test_logo_above_the_size_limit_is_refused(directory, region_client, mailoutbox):
    client = region_client("dortmund")
    big = SimpleUploadedFile("logo.png", _png() + b"\0" * 200, content_type="image/png")
    assert client.post(SUBMIT, {**_form(), "logo": big}).status_code == 400
    assert mailoutbox == []


def test_missing_consent_is_refused_with_its_reason(directory, region_client):
    client = region_client("dortmund")
    response = client.post(SUBMIT, _form(contact_consent=None))
    assert response.status_code == 400
    with schema_context("dortmund"):
        assert ClubSubmission.objects.count() == 0


def test_honeypot_gets_the_same_answer_and_leaves_nothing(
    directory, region_client, mailoutbox
):
    client = region_client("dortmund")
    response = client.post(SUBMIT, _form(contact_me_by_fax="bot"))
    assert response.status_code == 200
    with schema_context("dortmund"):
        assert ClubSubmission.objects.count() == 0
    assert mailoutbox == []


@override_settings(
    INSIST_RATE_LIMITS={
        "club-submission-ip": (2, 3600),
        "club-submission-email": (1, 3600),
    }
)
def test_rate_limits_stop_floods_per_connection_and_per_inbox(
    directory, region_client, mailoutbox
):
    from django.core.cache import cache

    cache.clear()
    client = region_client("dortmund")
    assert client.post(SUBMIT, _form()).status_code == 200
    assert client.post(SUBMIT, _form()).status_code == 200
    assert len(mailoutbox) == 1  # the second mail to the same inbox is held back
    assert client.post(SUBMIT, _form()).status_code == 429
    with schema_context("dortmund"):
        assert ClubSubmission.objects.count() == 2
    cache.clear()


def test_submission_page_answers_in_every_language_prefix(directory, region_client):
    client = region_client("dortmund")
    for prefix in ("", "/en", "/tr", "/ar", "/ru", "/uk"):
        assert client.get(prefix + SUBMIT).status_code == 200


def test_form_offers_only_the_host_regions_districts(directory, region_client):
    page = region_client("halle").get(SUBMIT).content.decode()
    body = re.search(r'<select name="district".*?</select>', page, re.S).group(0)
    with schema_context("halle"):
        assert f'value="{_district("halle").pk}"' in body
        assert f'value="{_district("dortmund").pk}"' not in body


def test_listed_club_changes_its_portrait_through_the_link_to_its_contact(
    directory, region_client, mailoutbox
):
    with schema_context("dortmund"):
        portrait = ClubPortraitPageFactory(
            parent=club_directory(),
            contact_name="Ali",
            contact_email="ali@example.org",
            contact_consent=True,
            published=True,
        )
        old_title = portrait.title
    client = region_client("dortmund")
    stranger = client.post(CHANGE, {"portrait": portrait.pk, "email": "x@example.org"})
    assert stranger.status_code == 200
    assert mailoutbox == []
    owner = client.post(CHANGE, {"portrait": portrait.pk, "email": "Ali@example.org"})
    assert owner.content == stranger.content  # the same answer
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["ali@example.org"]
    form_path = _path(_link(mailoutbox[0]))
    prefilled = client.get(form_path).content.decode()
    assert old_title in prefilled
    response = client.post(
        form_path,
        _form(title="Neuer Name", contact_email="ali@example.org"),
    )
    assert response.status_code == 200
    with schema_context("dortmund"):
        portrait.refresh_from_db()
        assert portrait.live and portrait.title == old_title  # still the old one
        latest = portrait.get_latest_revision_as_object()
        assert latest.title == "Neuer Name"
        state = WorkflowState.objects.get(object_id=str(portrait.pk))
        assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert client.get(form_path).status_code == 400  # the link is used up


def test_expired_unconfirmed_submissions_are_purged_and_confirmed_ones_kept(
    directory, region_client, mailoutbox
):
    import datetime

    from django.utils import timezone

    from cms.participation.services import club_submissions_purge

    client = region_client("dortmund")
    client.post(SUBMIT, _form())
    client.post(SUBMIT, _form(contact_email="zwei@example.org"))
    client.post(_path(_link(mailoutbox[0])))
    later = timezone.now() + datetime.timedelta(days=3)
    with schema_context("dortmund"):
        from tenants.selectors import region_get

        assert club_submissions_purge(region=region_get(slug="dortmund"), now=later)
        assert ClubSubmission.objects.count() == 1
        assert ClubSubmission.objects.get().confirmed is not None


def test_personal_data_export_and_erase_find_a_submission(
    directory, region_client, mailoutbox
):
    from tenants.personal_data import personal_data_providers

    region_client("dortmund").post(SUBMIT, _form())
    provider = next(
        p for p in personal_data_providers() if p.name == "club_submissions"
    )
    with schema_context("dortmund"):
        records = provider.export(email="AYSE@example.org", region=None)
        assert records[0]["data"]["contact_name"] == "Ayşe Beispiel"
        assert provider.erase(email="ayse@example.org", region=None)
        assert ClubSubmission.objects.count() == 0


def test_a_second_change_replaces_the_first_in_moderation(
    directory, region_client, mailoutbox
):
    with schema_context("dortmund"):
        portrait = ClubPortraitPageFactory(
            parent=club_directory(),
            contact_email="zoe@example.org",
            contact_consent=True,
            published=True,
        )
    client = region_client("dortmund")
    for title in ("Erste Änderung", "Zweite Änderung"):
        client.post(CHANGE, {"portrait": portrait.pk, "email": "zoe@example.org"})
        form_path = _path(_link(mailoutbox[-1]))
        prefilled = client.get(form_path).content.decode()
        assert "&lt;p&gt;" not in prefilled
        response = client.post(
            form_path, _form(title=title, contact_email="zoe@example.org")
        )
        assert response.status_code == 200
    with schema_context("dortmund"):
        states = WorkflowState.objects.filter(object_id=str(portrait.pk))
        running = states.get(status=WorkflowState.STATUS_IN_PROGRESS)
        assert running.current_task_state.revision.as_object().title == (
            "Zweite Änderung"
        )
        assert states.filter(status=WorkflowState.STATUS_CANCELLED).count() == 1
