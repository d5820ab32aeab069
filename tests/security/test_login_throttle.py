"""Login throttling per region: 20 wrong passwords lock the account out for a
while, with a message that says so; Halle's lockout does not lock Dortmund."""

import pytest
from django.conf import settings
from django_tenants.utils import schema_context

from insist.auth import login_locked
from tenants.throttle import throttle_reset

pytestmark = pytest.mark.django_db

PASSWORD = "pw-Insist-2026"


def _login(client, username, password):
    return client.post("/admin/login/", {"username": username, "password": password})


def _hammer(client, username, times=20):
    for _ in range(times):
        _login(client, username, "falsch")


def test_twenty_wrong_passwords_then_the_right_one_is_refused(
    regions, make_user, region_client
):
    make_user("halle", "ada", groups=["Regional admins"])
    client = region_client("halle")
    _hammer(client, "ada")

    response = _login(client, "ada", PASSWORD)

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    body = response.content.decode()
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in body
    minutes = settings.INSIST_LOGIN_LOCKOUT_SECONDS // 60
    assert f"für {minutes} Minuten gesperrt" in body


def test_the_lock_ends_when_its_window_has_passed(regions, make_user, region_client):
    make_user("halle", "ada", groups=["Regional admins"])
    client = region_client("halle")
    _hammer(client, "ada")
    # The counters expire with the window; here we let them go by hand.
    with schema_context("halle"):
        throttle_reset(scope="login-user", subject="ada")
        throttle_reset(scope="login-ip", subject="127.0.0.1")
    assert _login(client, "ada", PASSWORD).status_code == 302


def test_a_few_mistakes_do_not_lock(regions, make_user, region_client):
    make_user("halle", "ada", groups=["Regional admins"])
    client = region_client("halle")
    _hammer(client, "ada", times=settings.INSIST_LOGIN_FAILURE_LIMIT - 1)
    assert _login(client, "ada", PASSWORD).status_code == 302


def test_halle_lockout_does_not_lock_dortmund(regions, make_user, region_client):
    make_user("halle", "ada", groups=["Regional admins"])
    make_user("dortmund", "ada", groups=["Regional admins"])
    _hammer(region_client("halle"), "ada")

    dortmund = region_client("dortmund")
    assert _login(dortmund, "ada", PASSWORD).status_code == 302
    assert "_auth_user_id" in dortmund.session
    with schema_context("halle"):
        assert login_locked(request=None, username="ada")
    with schema_context("dortmund"):
        assert not login_locked(request=None, username="ada")


def test_one_address_trying_many_usernames_is_locked(
    regions, make_user, region_client, settings
):
    settings.INSIST_LOGIN_IP_FAILURE_LIMIT = 15
    make_user("potsdam", "eva", groups=["Editors"])
    client = region_client("potsdam")
    for number in range(15):
        _login(client, f"user{number}", "falsch")
    assert _login(client, "eva", PASSWORD).status_code == 200
    # Another address is not affected.
    other = region_client("potsdam")
    other.defaults["REMOTE_ADDR"] = "192.0.2.7"
    assert _login(other, "eva", PASSWORD).status_code == 302


def test_portal_admin_login_is_throttled_too(regions, make_user, portal_client):
    make_user("public", "root", superuser=True)
    _hammer(portal_client, "root")
    response = _login(portal_client, "root", PASSWORD)
    assert response.status_code == 200
    assert "Zu viele fehlgeschlagene Anmeldeversuche" in response.content.decode()


def test_password_reset_mails_are_limited_without_telling(
    regions, make_user, region_client, settings, mailoutbox
):
    settings.INSIST_RATE_LIMITS = {
        **settings.INSIST_RATE_LIMITS,
        "password-reset-ip": (3, 3600),
        "password-reset-email": (2, 3600),
    }
    make_user("dortmund", "ada", groups=["Editors"])
    client = region_client("dortmund")
    answers = [
        client.post("/admin/password_reset/", {"email": "ada@example.org"})
        for _ in range(3)
    ]
    # The same answer every time; the inbox gets two mails, not three.
    assert {(a.status_code, a["Location"]) for a in answers} == {
        (302, "/admin/password_reset/done/")
    }
    assert len(mailoutbox) == 2
    # The client's own limit: past it, nothing is sent for any address.
    make_user("dortmund", "bea", groups=["Editors"])
    client.post("/admin/password_reset/", {"email": "bea@example.org"})
    assert len(mailoutbox) == 2
