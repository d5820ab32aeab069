"""Contact requests: double opt-in, forwarding, withdrawal, who sees them,
abuse limits, retention, and the story draft of an agreed cooperation."""

import datetime
import re

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone
from django_tenants.utils import schema_context

from search.partners.models import ContactRequest
from search.partners.services import contact_requests_purge
from tests.conftest import region_of

pytestmark = pytest.mark.django_db

CONTACT = "kontakt@sportverein-nord.example"


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def consented_contact(partner_clubs):
    page = partner_clubs["sportverein-nord"][1]
    with schema_context("dortmund"):
        page.contact_email = CONTACT
        page.contact_name = "Erika Muster"
        page.contact_consent = True
        page.contact_consent_date = timezone.localdate()
        page.save(
            update_fields=[
                "contact_email",
                "contact_name",
                "contact_consent",
                "contact_consent_date",
            ]
        )
    return page


def _ask(client, path="/partner/anfrage/", **changes):
    data = {
        "club": "dortmund:sportverein-nord",
        "name": "Ayşe Demir",
        "club_name": "Jugendtreff Halle",
        "region": "halle",
        "email": "ayse@jugendtreff.example",
        "message": "Wir würden gern gemeinsam ein Turnier machen.",
        "consent": "on",
    }
    data.update(changes)
    return client.post(path, data)


def _link(message, word):
    return re.search(rf"https?://\S+/{word}/(\S+)/", message.body).group(0)


def _path(url):
    return re.sub(r"^https?://[^/]+", "", url)


def test_nothing_is_sent_to_the_club_before_the_link_is_followed(
    consented_contact, region_client
):
    response = _ask(region_client("dortmund"))
    assert response.status_code == 200
    assert len(mail.outbox) == 1
    optin = mail.outbox[0]
    assert optin.to == ["ayse@jugendtreff.example"]
    assert CONTACT not in optin.body
    assert "http://dortmund.localhost" in optin.body
    contact = ContactRequest.objects.get()
    assert contact.status == "pending"
    assert contact.requester_region.slug == "halle"


def test_following_the_link_forwards_to_the_contact_person_only(
    consented_contact, region_client
):
    client = region_client("dortmund")
    _ask(client)
    confirm = _path(_link(mail.outbox[0], "bestaetigen"))
    assert client.get(confirm).status_code == 200
    assert ContactRequest.objects.get().status == "pending"  # GET confirms nothing
    assert client.post(confirm).status_code == 200
    assert len(mail.outbox) == 2
    forwarded = mail.outbox[1]
    assert forwarded.to == [CONTACT]
    assert "ayse@jugendtreff.example" in forwarded.body
    assert "Turnier" in forwarded.body
    contact = ContactRequest.objects.get()
    assert contact.status == "forwarded"
    # confirming twice sends nothing more
    client.post(confirm)
    assert len(mail.outbox) == 2


def test_without_a_consented_contact_the_request_waits_for_the_team(
    partner_clubs, region_client
):
    client = region_client("dortmund")
    _ask(client)
    client.post(_path(_link(mail.outbox[0], "bestaetigen")))
    assert len(mail.outbox) == 1
    assert ContactRequest.objects.get().status == "new"


def test_withdrawal_through_the_mailed_link_erases_the_requester(
    consented_contact, region_client
):
    client = region_client("dortmund")
    _ask(client)
    withdraw = _path(_link(mail.outbox[0], "zurueckziehen"))
    assert client.post(withdraw).status_code == 200
    contact = ContactRequest.objects.get()
    assert contact.status == "withdrawn"
    assert contact.requester_email == ""
    assert contact.message == ""
    # and the confirmation link no longer sends anything
    response = client.post(_path(_link(mail.outbox[0], "bestaetigen")))
    assert response.status_code == 400
    assert len(mail.outbox) == 1


def test_an_invented_confirmation_link_is_refused(region_client):
    response = region_client("dortmund").post("/en/partner/anfrage/bestaetigen/abc/")
    assert response.status_code == 400
    assert "not valid" in response.text


def test_honeypot_gets_the_same_answer_and_stores_nothing(partner_clubs, region_client):
    response = _ask(region_client("dortmund"), contact_me_by_fax="Buy now")
    assert response.status_code == 200
    assert not ContactRequest.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"consent": ""}, "Please agree"),
        ({"email": "kein-at"}, "valid email"),
        ({"message": "x" * 2001}, "2000"),
        ({"club": "dortmund:gibt-es-nicht"}, "does not exist"),
        ({"name": "A\x00B"}, "Null characters"),
    ],
)
def test_refused_input_says_why_and_stores_nothing(
    partner_clubs, region_client, changes, words
):
    response = _ask(region_client("dortmund"), "/en/partner/anfrage/", **changes)
    assert response.status_code == 400
    assert words in response.text
    assert not ContactRequest.objects.exists()


@override_settings(
    INSIST_RATE_LIMITS=settings.INSIST_RATE_LIMITS
    | {"contact-request-ip": (3, 3600), "contact-request-email": (1, 3600)}
)
def test_rate_limits_per_address_and_per_client(partner_clubs, region_client):
    client = region_client("dortmund")
    assert _ask(client).status_code == 200
    assert _ask(client).status_code == 200  # same answer, but no second mail
    assert len(mail.outbox) == 1
    assert _ask(client, email="b@x.example").status_code == 200
    assert _ask(client, email="c@x.example").status_code == 429
    assert ContactRequest.objects.count() == 3


def test_purge_deletes_expired_unconfirmed_and_anonymises_old(
    partner_clubs, region_client
):
    client = region_client("dortmund")
    _ask(client)
    _ask(client, email="alt@x.example")
    client.post(_path(_link(mail.outbox[1], "bestaetigen")))
    later = timezone.now() + datetime.timedelta(days=400)
    assert contact_requests_purge(now=later) == {"deleted": 1, "anonymised": 1}
    kept = ContactRequest.objects.get()
    assert kept.requester_email == "" and kept.anonymised_at is not None
    assert kept.target_title == "Sportverein Nordstadt 1920"


def _team_user(make_user, slug, name, group):
    user = make_user(slug, name)
    with schema_context(slug):
        user.groups.add(Group.objects.get(name=group))
    return user


def test_exactly_the_two_regional_teams_see_a_request(
    partner_clubs, region_client, make_user
):
    client = region_client("dortmund")
    _ask(client)
    client.post(_path(_link(mail.outbox[0], "bestaetigen")))
    contact = ContactRequest.objects.get()
    seen = {}
    for slug, group in (
        ("dortmund", "Regional admins"),
        ("halle", "Regional admins"),
        ("potsdam", "Regional admins"),
        ("dortmund", "Editors"),
    ):
        user = _team_user(make_user, slug, f"{slug}-{group[:3].lower()}", group)
        team = region_client(slug)
        team.force_login(user)
        listing = team.get("/admin/partners/requests/")
        detail = team.get(f"/admin/partners/requests/{contact.pk}/")
        seen[(slug, group)] = (
            listing.status_code,
            "Jugendtreff Halle" in listing.text,
            detail.status_code,
        )
    assert seen[("dortmund", "Regional admins")] == (200, True, 200)
    assert seen[("halle", "Regional admins")] == (200, True, 200)
    assert seen[("potsdam", "Regional admins")] == (200, False, 404)
    # editors are turned away (Wagtail redirects a refused admin view)
    assert seen[("dortmund", "Editors")][0] in (302, 403)
    assert seen[("dortmund", "Editors")][1] is False
    assert seen[("dortmund", "Editors")][2] in (302, 403)


def test_agreed_cooperation_becomes_a_story_draft_in_the_editors_region(
    partner_clubs, region_client, make_user
):
    from cms.pages.models import StoryIndexPage
    from tests.cms.factories import region_home

    with schema_context("dortmund"):
        if not StoryIndexPage.objects.exists():
            region_home().add_child(
                instance=StoryIndexPage(title="Geschichten", slug="geschichten")
            )
    client = region_client("dortmund")
    _ask(client)
    client.post(_path(_link(mail.outbox[0], "bestaetigen")))
    contact = ContactRequest.objects.get()
    team = region_client("dortmund")
    team.force_login(_team_user(make_user, "dortmund", "anna", "Regional admins"))
    url = f"/admin/partners/requests/{contact.pk}/"
    team.post(url, {"status": "agreed", "notes": "Turnier im Mai"})
    contact.refresh_from_db()
    assert (contact.status, contact.notes) == ("agreed", "Turnier im Mai")
    team.post(url, {"story": "1"})
    contact.refresh_from_db()
    from cms.pages.models import StoryPage

    with schema_context("dortmund"):
        story = StoryPage.objects.get(pk=contact.story_page_id)
        assert not story.live
        assert [c.slug for c in story.clubs.all()] == ["sportverein-nord"]
        assert "Jugendtreff Halle" in story.title
    assert contact.story_region == region_of("dortmund")


def test_personal_data_export_and_erase_cover_contact_requests(
    partner_clubs, region_client
):
    from search.partners.personal_data import ContactRequestProvider

    _ask(region_client("dortmund"))
    provider = ContactRequestProvider()
    found = provider.export(email="AYSE@jugendtreff.example", region=None)
    assert [r["club"] for r in found] == ["Jugendtreff Halle"]
    assert provider.erase(email="ayse@jugendtreff.example", region=None)
    assert provider.export(email="ayse@jugendtreff.example", region=None) == []


def test_a_refused_request_keeps_what_the_visitor_typed(partner_clubs, region_client):
    response = _ask(
        region_client("dortmund"),
        "/en/partner/anfrage/",
        email="kein-at",
        message="Wir <b>suchen</b> Partner für ein Sommerfest.",
    )
    assert response.status_code == 400
    html = response.text
    assert (
        'name="email" required autocomplete="email" value="kein-at" aria-invalid="true"'
        in html
    )
    # typed text comes back escaped, in the form, and the other fields are kept
    assert (
        "Wir &lt;b&gt;suchen&lt;/b&gt; Partner für ein Sommerfest.</textarea>" in html
    )
    assert 'id="cr-consent" type="checkbox" name="consent" required checked' in html
    assert not ContactRequest.objects.exists()
