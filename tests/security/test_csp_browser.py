"""Pages report no Content-Security-Policy violation in Chromium.

The pages are rendered by the test client (with the policy Django sent) and
served, with the platform's static files, from a small local server; Chromium
(headless) loads each one with a probe script listening for
``securitypolicyviolation`` events, and the DOM it dumps says what was blocked.
Skipped where Chromium is not installed (Debian: ``apt-get install chromium``).
"""

import http.server
import re
import shutil
import subprocess
import threading

import pytest
from django.contrib.staticfiles import finders
from django_tenants.utils import schema_context

from tests.cms.factories import (
    ClubPortraitPageFactory,
    EventPageFactory,
    StoryPageFactory,
    region_sections,
)

pytestmark = pytest.mark.django_db

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

PROBE = b"""
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__csp.push(event.violatedDirective + " " + (event.blockedURI || "inline"));
  var seen = window.__csp.join(" | ");
  document.documentElement.setAttribute("data-csp-violations", seen);
});
document.addEventListener("DOMContentLoaded", function () {
  document.documentElement.setAttribute("data-csp-probe", "ran");
});
"""


class _Pages(http.server.BaseHTTPRequestHandler):
    pages: dict = {}

    def do_GET(self):
        path = self.path.split("?")[0]
        if path == "/__probe.js":
            return self._send(200, PROBE, "text/javascript")
        if path in self.pages:
            html, policy = self.pages[path]
            return self._send(200, html, "text/html; charset=utf-8", policy)
        if path.startswith("/static/"):
            found = finders.find(path.removeprefix("/static/"))
            if found:
                with open(found, "rb") as handle:
                    body = handle.read()
                kind = {
                    ".css": "text/css",
                    ".js": "text/javascript",
                    ".svg": "image/svg+xml",
                    ".woff2": "font/woff2",
                    ".woff": "font/woff",
                    ".png": "image/png",
                }
                suffix = re.search(r"\.[a-z0-9]+$", found)
                content_type = kind.get(suffix.group(0) if suffix else "", "text/plain")
                return self._send(200, body, content_type)
        return self._send(404, b"", "text/plain")

    def _send(self, status, body, content_type, policy=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if policy:
            self.send_header("Content-Security-Policy", policy)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _with_probe(html: str) -> bytes:
    return re.sub(
        r"<head([^>]*)>",
        r'<head\1><script src="/__probe.js"></script>',
        html,
        count=1,
    ).encode()


def _violations(url: str) -> tuple[str | None, str]:
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--virtual-time-budget=3000",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=90,
    )
    dom = result.stdout
    match = re.search(r'data-csp-violations="([^"]*)"', dom)
    return (match.group(1) if match else None), dom


@pytest.fixture
def rendered(regions, region_client, make_user):
    """path on the local server -> (html with probe, policy header)."""
    with schema_context("dortmund"):
        sections = region_sections()
        event = EventPageFactory(
            parent=sections["events"], registration="form", capacity=5
        )
        public = {
            "home": sections["home"].url,
            "directory": sections["clubs"].url + "?q=verein",
            "portrait": ClubPortraitPageFactory(parent=sections["clubs"]).url,
            "story": StoryPageFactory(parent=sections["stories"]).url,
            "events": sections["events"].url,
            "event": event.url,
        }
        event_id = event.pk
    admin = {
        "admin-dashboard": "/admin/",
        "admin-edit-event": f"/admin/pages/{event_id}/edit/",
        "admin-images": "/admin/images/",
    }
    pages = {}
    anonymous = region_client("dortmund")
    for name, path in public.items():
        response = anonymous.get(path)
        assert response.status_code == 200, path
        pages[f"/{name}/"] = (
            _with_probe(response.content.decode()),
            response["Content-Security-Policy"],
        )
    user = make_user("dortmund", "ada", groups=["Regional admins", "Moderators"])
    staff = region_client("dortmund")
    with schema_context("dortmund"):
        staff.force_login(user)
    for name, path in admin.items():
        response = staff.get(path)
        assert response.status_code == 200, path
        pages[f"/{name}/"] = (
            _with_probe(response.content.decode()),
            response["Content-Security-Policy"],
        )
    return pages


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_pages_report_no_csp_violation_in_chromium(rendered):
    handler = type("Pages", (_Pages,), {"pages": rendered})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        problems = {}
        for path in rendered:
            violations, dom = _violations(f"http://127.0.0.1:{port}{path}")
            assert 'data-csp-probe="ran"' in dom, (path, dom[:300])
            if violations:
                problems[path] = violations
        assert problems == {}
    finally:
        server.shutdown()


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_the_probe_sees_a_violation(rendered):
    """The check can fail: an inline style on a public page is reported."""
    html, policy = rendered["/event/"]
    broken = html.replace(b"<body", b'<body style="color: red"', 1)
    handler = type("Pages", (_Pages,), {"pages": {"/broken/": (broken, policy)}})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        violations, _dom = _violations(
            f"http://127.0.0.1:{server.server_address[1]}/broken/"
        )
        assert violations and "style-src" in violations
    finally:
        server.shutdown()
