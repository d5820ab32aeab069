"""The production nginx configuration keeps each region's files on its own host
and documents behind the serve view: deploy/nginx/media-locations.conf (the
media and X-Accel locations), included by deploy/nginx/site.conf (the
`map $host $insist_region`), with deploy/nginx/proxy-params.conf (X-Real-IP).

The structural tests always run. Where nginx is installed (``.ci/run`` installs
it), site.conf is run for real, rendered by deploy/drill/nginx_conf.py (the
renderer tests/ops/test_nginx.py and the drill use) on free local ports with a
self-signed certificate, in front of a stand-in for gunicorn that answers the
document serve view's ``X-Accel-Redirect``.
"""

import http.client
import http.server
import importlib.util
import os
import re
import shutil
import socket
import ssl
import subprocess
import threading
from pathlib import Path

import pytest
from django.conf import settings

NGINX_DIR = Path(settings.BASE_DIR) / "deploy" / "nginx"
MEDIA_LOCATIONS = NGINX_DIR / "media-locations.conf"
SITE = NGINX_DIR / "site.conf"
PROXY_PARAMS = NGINX_DIR / "proxy-params.conf"
NGINX = shutil.which("nginx") or (
    "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
)


def _text() -> str:
    return MEDIA_LOCATIONS.read_text()


def _location(pattern: str) -> str:
    """The body of the media-locations.conf location whose header matches."""
    match = re.search(r"^location " + pattern + r" \{(.*?)\n\}", _text(), re.S | re.M)
    assert match, pattern
    return match.group(1)


def test_site_includes_the_media_locations_inside_the_https_server():
    site = SITE.read_text()
    include = "include /srv/insist/app/deploy/nginx/media-locations.conf;"
    assert include in site
    # The include sits in the HTTPS server block, before its catch-all `/`.
    https = site.index("listen 443 ssl")
    assert https < site.index(include) < site.index("location / {", https)
    assert not (NGINX_DIR / "insist.conf").exists()


def test_documents_are_refused_under_media():
    body = _location(re.escape("~ ^/media/[^/]+/documents(/|$)"))
    assert "return 404;" in body
    text = _text()
    # Regex locations are tried in order: the refusal comes before the media rule.
    assert text.index("/documents(/|$)") < text.index("(?<media_region>")


def test_media_is_served_only_for_the_hosts_region():
    body = _location(
        re.escape("~ ^/media/(?<media_region>[a-z0-9_]+)/(?<media_path>.+)$")
    )
    assert "if ($media_region != $insist_region)" in body
    assert "return 404;" in body
    site = SITE.read_text()
    assert re.search(r"map \$host \$insist_region \{[^}]*default \"\";", site)
    # At http level, before the server blocks that use it.
    assert site.index("map $host $insist_region") < site.index("server {")


def test_protected_location_is_internal_and_matches_the_setting():
    prefix = settings.INSIST_PROTECTED_MEDIA_URL
    body = _location(re.escape(prefix))
    assert "internal;" in body
    assert "alias /srv/insist/media/;" in body


def test_materials_location_is_internal():
    body = _location(re.escape("/_materials/"))
    assert "internal;" in body
    assert "alias /srv/insist/materials/;" in body


def test_proxy_passes_the_client_address_the_limits_count():
    params = PROXY_PARAMS.read_text()
    assert "proxy_set_header X-Real-IP $remote_addr;" in params
    assert "proxy_set_header Host $host;" in params
    site = SITE.read_text()
    catch_all = site[site.index("location / {") :]
    assert "include /srv/insist/app/deploy/nginx/proxy-params.conf;" in catch_all


# --- running it --------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _App(http.server.BaseHTTPRequestHandler):
    """Stands in for gunicorn: /documents/<region>/<name> is "allowed" and
    answered the way insist.sendfile_nginx answers."""

    def do_GET(self):
        parts = self.path.strip("/").split("/")
        self.send_response(200)
        if parts[0] == "documents" and len(parts) == 3:
            self.send_header(
                "X-Accel-Redirect", f"/protected-media/{parts[1]}/documents/{parts[2]}"
            )
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b"app"
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _nginx_conf_module():
    spec = importlib.util.spec_from_file_location(
        "nginx_conf", Path(settings.BASE_DIR) / "deploy" / "drill" / "nginx_conf.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def nginx(tmp_path_factory):
    if NGINX is None:
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed")
    root = tmp_path_factory.mktemp("nginx")
    media = root / "media"
    for region in ("dortmund", "halle"):
        (media / region / "images").mkdir(parents=True)
        (media / region / "documents").mkdir(parents=True)
        (media / region / "images" / "logo.txt").write_text(f"logo-{region}")
        (media / region / "documents" / "protokoll.txt").write_text(f"doc-{region}")
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (root / sub).mkdir()

    app_port, port, http_port = _free_port(), _free_port(), _free_port()
    app = http.server.ThreadingHTTPServer(("127.0.0.1", app_port), _App)
    threading.Thread(target=app.serve_forever, daemon=True).start()

    conf = _nginx_conf_module().write_config(
        root,
        app_root=Path(settings.BASE_DIR),
        static_root=root / "static",
        media_root=media,
        materials_root=root / "materials",
        upstreams=[f"127.0.0.1:{app_port}"],
        https_listen=f"127.0.0.1:{port}",
        http_listen=f"127.0.0.1:{http_port}",
    )
    # Workers run as root only when the test does (its folders are private).
    directives = "daemon off; master_process off;" + (
        " user root;" if os.geteuid() == 0 else ""
    )
    command = [NGINX, "-p", str(root), "-c", str(conf), "-g", directives]
    test = subprocess.run([*command, "-t"], capture_output=True, text=True)
    assert test.returncode == 0, test.stderr
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            threading.Event().wait(0.05)
    yield port
    process.terminate()
    process.wait(timeout=5)
    app.shutdown()


def _get(port, host, path):
    # The test's self-signed certificate: no verification (a local stand-in).
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    connection = http.client.HTTPSConnection(
        "127.0.0.1", port, timeout=5, context=context
    )
    connection.request("GET", path, headers={"Host": host})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


DORTMUND = "dortmund.insist.example.org"
HALLE = "halle.insist.example.org"


def test_nginx_accepts_the_configuration(nginx):
    assert nginx


def test_nginx_serves_media_on_its_own_host_only(nginx):
    assert _get(nginx, DORTMUND, "/media/dortmund/images/logo.txt") == (
        200,
        b"logo-dortmund",
    )
    assert _get(nginx, HALLE, "/media/dortmund/images/logo.txt")[0] == 404
    assert (
        _get(nginx, "insist.example.org", "/media/dortmund/images/logo.txt")[0] == 404
    )
    # The map's domain is literal: a look-alike host is no region's host.
    assert (
        _get(nginx, "dortmund.insistxexample.org", "/media/dortmund/images/logo.txt")[0]
        == 404
    )
    assert _get(nginx, DORTMUND, "/media/dortmund/../halle/images/logo.txt")[0] == 404
    assert _get(nginx, DORTMUND, "/media/dortmund/%2e%2e/halle/images/logo.txt")[0] in (
        400,
        404,
    )


@pytest.mark.parametrize("host", [DORTMUND, HALLE, "insist.example.org"])
def test_nginx_never_serves_documents_by_url(nginx, host):
    status, body = _get(nginx, host, "/media/dortmund/documents/protokoll.txt")
    assert status == 404 and b"doc-" not in body
    status, body = _get(
        nginx, host, "/protected-media/dortmund/documents/protokoll.txt"
    )
    assert status == 404 and b"doc-" not in body


def test_nginx_sends_the_document_the_serve_view_allowed(nginx):
    status, body = _get(nginx, DORTMUND, "/documents/dortmund/protokoll.txt")
    assert (status, body) == (200, b"doc-dortmund")
