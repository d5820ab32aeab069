"""Redis away (insist/cache.py): pages render without the cache, nothing is
stored or served from it, the backend stops asking a dead Redis for a while,
limits refuse instead of letting everything through, and when Redis answers
again the cache works again.

``127.0.0.1:9`` is a port nothing listens on: connection refused, at once.
"""

import pytest
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCacheClient

from cms.pages.cache import HIT_HEADER, local_fragments
from cms.pages.routing import local_routes
from insist import cache as failsoft
from insist.cache import CacheUnavailable, FailSoftRedisCache
from tenants.context import in_region
from tenants.throttle import UNCOUNTED, rate_limit_exceeded, throttle_count
from tests.cms.factories import ClubPortraitPageFactory, region_sections

pytestmark = pytest.mark.django_db

_TENANT_KEYS = {
    "KEY_FUNCTION": "django_tenants.cache.make_key",
    "REVERSE_KEY_FUNCTION": "django_tenants.cache.reverse_key",
}


def _redis(location: str) -> dict:
    return {
        "default": {
            "BACKEND": "insist.cache.FailSoftRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "insist-test-failsoft",
            **_TENANT_KEYS,
        }
    }


@pytest.fixture(autouse=True)
def _fresh():
    failsoft._down_until.clear()
    local_fragments.clear()
    local_routes.clear()
    yield
    failsoft._down_until.clear()
    local_fragments.clear()
    local_routes.clear()


@pytest.fixture
def redis_down(settings):
    settings.CACHES = _redis("redis://127.0.0.1:9/0")
    settings.INSIST_PAGE_CACHE = True
    settings.INSIST_FRAGMENT_CACHE = True
    settings.INSIST_ROUTE_CACHE = True
    return settings


@pytest.fixture
def portrait_url(regions):
    with in_region(regions["dortmund"]):
        sections = region_sections()
        portrait = ClubPortraitPageFactory(
            parent=sections["clubs"], title="Chor ohne Cache", published=True
        )
        return portrait.get_url()


@pytest.fixture
def connects(monkeypatch):
    """How often the backend asked Redis for a connection."""
    calls = []
    original = RedisCacheClient.get_client

    def counted(self, *args, **kwargs):
        calls.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(RedisCacheClient, "get_client", counted)
    return calls


def test_pages_render_without_the_cache_and_nothing_is_stored(
    redis_down, portrait_url, region_client
):
    client = region_client("dortmund")
    for url in ("/", "/vereine/", portrait_url, "/en/", "/suche/?q=Chor"):
        for _ in range(2):
            response = client.get(url)
            assert response.status_code == 200, url
            assert response.get(HIT_HEADER) is None, url
    assert "Chor ohne Cache" in client.get("/vereine/").content.decode()
    assert not local_fragments._entries
    assert not local_routes._entries


def test_a_dead_redis_is_asked_once_then_left_alone(
    redis_down, portrait_url, region_client, connects
):
    failsoft._down_until.clear()  # publishing the portrait found Redis away
    client = region_client("dortmund")
    for url in ("/", "/vereine/", portrait_url):
        assert client.get(url).status_code == 200
    assert len(connects) == 1
    assert not cache.available()


def test_limits_refuse_while_nothing_can_be_counted(redis_down, region_client):
    region_client("dortmund").get("/")  # the cache is found away
    assert rate_limit_exceeded(name="registration-ip", subject="192.0.2.1")
    assert throttle_count(scope="login-user", subject="ada") == UNCOUNTED


def test_login_says_it_is_paused_not_that_the_account_is_locked(
    redis_down, make_user, region_client
):
    make_user("halle", "ada", groups=["Regional admins"])
    client = region_client("halle")
    response = client.post(
        "/admin/login/", {"username": "ada", "password": "pw-Insist-2026"}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "Dienst der Plattform neu startet" in body
    assert "Zu viele fehlgeschlagene" not in body


def test_the_cache_works_again_when_redis_answers(settings):
    settings.CACHES = _redis("redis://127.0.0.1:9/0")
    assert cache.get("k", "default") == "default"
    assert not cache.available()
    with pytest.raises(CacheUnavailable):
        cache.incr("counter")

    settings.CACHES = _redis("redis://127.0.0.1:6379/14")  # the machine's Redis
    assert isinstance(caches["default"], FailSoftRedisCache)
    cache.set("k", "stored", 30)
    assert cache.available()
    assert cache.get("k") == "stored"
    cache.delete("k")


def test_a_failure_is_retried_after_the_pause(settings, monkeypatch):
    settings.CACHES = _redis("redis://127.0.0.1:9/0")
    settings.INSIST_CACHE_RETRY_SECONDS = 5
    assert cache.get("k") is None
    assert not cache.available()
    now = failsoft.time.monotonic()
    monkeypatch.setattr(failsoft.time, "monotonic", lambda: now + 6)
    assert cache.available()  # asks Redis again (and finds it away again)
    assert cache.get("k") is None
    assert not cache.available()


def test_public_forms_say_they_are_paused_not_that_the_visitor_sent_too_many(
    redis_down, region_client
):
    client = region_client("dortmund")
    client.get("/")  # the cache is found away
    response = client.post(
        "/partner/anfrage/",
        {"club": "dortmund:x", "name": "Ayşe", "email": "a@example.org"},
    )
    assert response.status_code == 503
    body = response.content.decode()
    assert "Dienst der Plattform neu startet" in body
    assert "Zu viele" not in body
