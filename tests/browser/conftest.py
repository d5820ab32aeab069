"""Browser tests: Playwright drives the machine's Chromium against a live server.

One region, ``sprachen``, is provisioned for these tests, filled with a small
cut of the demo content (committed, so the server thread sees it) and removed
again afterwards. Its host ``sprachen.localhost`` and the portal's
``localhost`` are mapped to the live server's loopback address by Chromium's
``--host-resolver-rules``; nothing else resolves, so a request to any other
host fails and is counted.
"""

import os
import shutil
from urllib.parse import urlsplit

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.test.testcases import LiveServerThread, QuietWSGIRequestHandler

SLUG = "sprachen"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


class _OneRequestPerConnection(QuietWSGIRequestHandler):
    """Answers one request per connection ("Connection: close"): the request
    thread then ends, closing its database connection, instead of idling on a
    keep-alive socket until the test database is dropped."""

    def parse_request(self):
        parsed = super().parse_request()
        self.close_connection = True
        return parsed


class _LiveServer(LiveServerThread):
    def _create_server(self, connections_override=None):
        return self.server_class(
            (self.host, self.port),
            _OneRequestPerConnection,
            allow_reuse_address=False,
            connections_override=connections_override,
        )


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--host-resolver-rules=MAP *.localhost 127.0.0.1, "
            "MAP localhost 127.0.0.1, MAP * ~NOTFOUND",
        ],
    }


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The live server and the ``sprachen`` region with demo content."""
    from cms.pages import demo
    from tenants.models import Region
    from tenants.services import region_provision

    # Playwright's sync API keeps an event loop in this thread; Django refuses
    # database calls there unless told that the caller knows (these are setup
    # and teardown only; the server thread has no loop).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with django_db_blocker.unblock():
        region_provision(slug=SLUG, name="Sprachtest", ensure_template=False)
        region = Region.objects.get(schema_name=SLUG)
        cut = pytest.MonkeyPatch()
        cut.setattr(demo, "PORTRAITS", 3)
        cut.setattr(demo, "STORIES", 1)
        cut.setattr(demo, "EVENT_SPECS", demo.EVENT_SPECS[:7])
        try:
            demo.demo_content_load(region=region)
        finally:
            cut.undo()
        server = _LiveServer("127.0.0.1", StaticFilesHandler, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        if server.error:
            raise server.error
        try:
            yield {
                "base": f"http://{SLUG}.localhost:{server.port}",
                "portal": f"http://localhost:{server.port}",
                "port": server.port,
            }
        finally:
            server.terminate()
            region.delete(force_drop=True)
            if previous is None:
                os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
            else:
                os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def visit(site, page):
    """``visit(path)``: open a page of the region; every request is recorded."""
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.requests = requests

    def go(path: str, *, base: str | None = None):
        response = page.goto((base or site["base"]) + path)
        assert response is not None and response.status == 200, path
        return page

    yield go
    allowed = {f"{SLUG}.localhost:{site['port']}", f"localhost:{site['port']}"}
    foreign = [url for url in requests if urlsplit(url).netloc not in allowed]
    foreign = [url for url in foreign if not url.startswith(("data:", "blob:"))]
    assert foreign == []
