"""The public registration form: a honeypot, and limits per client address and
per email address, each region counting its own."""

import pytest
from django_tenants.utils import schema_context

from cms.pages.models import EventPage, EventRegistration
from tests.cms.factories import EventPageFactory, region_sections

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings):
    settings.INSIST_RATE_LIMITS = {
        "registration-ip": (3, 3600),
        "registration-email": (2, 3600),
    }


def _event_url(slug, capacity=50):
    with schema_context(slug):
        return EventPageFactory(
            parent=region_sections()["events"],
            registration=EventPage.Registration.FORM,
            capacity=capacity,
        ).url


def _post(client, url, email, **extra):
    return client.post(url, {"name": "Erika", "email": email, **extra})


def test_honeypot_gets_the_same_answer_and_nothing_happens(
    regions, region_client, mailoutbox
):
    url = _event_url("dortmund")
    client = region_client("dortmund")
    bot = _post(client, url, "bot@example.org", contact_me_by_fax="+49 231 0")
    person = _post(client, url, "person@example.org")
    assert bot.status_code == person.status_code == 302
    assert bot["Location"] == person["Location"]
    assert [m.to for m in mailoutbox] == [["person@example.org"]]
    with schema_context("dortmund"):
        assert not EventRegistration.objects.filter(email="bot@example.org").exists()


def test_honeypot_is_out_of_sight(regions, region_client):
    url = _event_url("dortmund")
    body = region_client("dortmund").get(url).content.decode()
    assert 'class="hp-field" aria-hidden="true"' in body
    assert 'name="contact_me_by_fax"' in body and 'tabindex="-1"' in body


def test_one_client_is_limited(regions, region_client, limits, mailoutbox):
    url = _event_url("dortmund")
    client = region_client("dortmund")
    answers = [_post(client, url, f"p{n}@example.org").status_code for n in range(4)]
    assert answers == [302, 302, 302, 429]
    with schema_context("dortmund"):
        assert EventRegistration.objects.count() == 3
    # Another client still gets through.
    other = region_client("dortmund")
    other.defaults["REMOTE_ADDR"] = "192.0.2.9"
    assert _post(other, url, "p9@example.org").status_code == 302


def test_the_limit_of_one_region_does_not_count_in_another(
    regions, region_client, limits
):
    dortmund, halle = _event_url("dortmund"), _event_url("halle")
    for n in range(3):
        _post(region_client("dortmund"), dortmund, f"p{n}@example.org")
    assert (
        _post(region_client("dortmund"), dortmund, "x@example.org").status_code == 429
    )
    assert _post(region_client("halle"), halle, "x@example.org").status_code == 302


def test_one_address_gets_no_more_mail_past_its_limit(
    regions, region_client, limits, mailoutbox
):
    url = _event_url("potsdam")
    answers = []
    for n in range(3):
        client = region_client("potsdam")
        client.defaults["REMOTE_ADDR"] = f"192.0.2.{n + 1}"
        answers.append(_post(client, url, "opfer@example.org"))
    # The same answer every time, but the inbox is spared from the third on.
    assert {a.status_code for a in answers} == {302}
    assert len(mailoutbox) == 2


def test_a_mail_server_failure_is_said_not_hidden(regions, region_client, settings):
    settings.EMAIL_BACKEND = "tests.security.test_registration_abuse.BrokenMail"
    url = _event_url("halle")
    response = _post(region_client("halle"), url, "erika@example.org")
    assert response.status_code == 503
    assert "confirmation email" in response.content.decode() or (
        "Bestätigungs" in response.content.decode()
    )


class BrokenMail:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("no mail server")
