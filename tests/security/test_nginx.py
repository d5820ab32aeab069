"""The production nginx configuration (deploy/nginx/insist.conf) keeps each
region's files on its own host and documents behind the serve view.

The structural tests always run. Where nginx is installed (``.ci/run`` installs
it), the configuration is run for real on a free local port, with a stand-in for
gunicorn that answers the document serve view's ``X-Accel-Redirect``.
"""

import http.client
import http.server
import os
import re
import shutil
import socket
import subprocess
import threading
from pathlib import Path

import pytest
from django.conf import settings

CONF = Path(settings.BASE_DIR) / "deploy" / "nginx" / "insist.conf"
NGINX = shutil.which("nginx") or (
    "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None
)


def _text() -> str:
    return CONF.read_text()


def _location(pattern: str) -> str:
    """The body of the location block whose header matches ``pattern``."""
    match = re.search(r"location " + pattern + r" \{(.*?)\n    \}", _text(), re.S)
    assert match, pattern
    return match.group(1)


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
    assert re.search(r"map \$host \$insist_region \{[^}]*default \"\";", _text())


def test_protected_location_is_internal_and_matches_the_setting():
    prefix = settings.INSIST_PROTECTED_MEDIA_URL
    body = _location(re.escape(prefix))
    assert "internal;" in body
    assert "alias /srv/insist/media/;" in body


def test_proxy_passes_the_client_address_the_limits_count():
    body = _location("/")
    assert "proxy_set_header X-Real-IP $remote_addr;" in body
    assert "proxy_set_header Host $host;" in body


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


@pytest.fixture(scope="module")
def nginx(tmp_path_factory):
    if NGINX is None:
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    root = tmp_path_factory.mktemp("nginx")
    media = root / "media"
    for region in ("dortmund", "halle"):
        (media / region / "images").mkdir(parents=True)
        (media / region / "documents").mkdir(parents=True)
        (media / region / "images" / "logo.txt").write_text(f"logo-{region}")
        (media / region / "documents" / "protokoll.txt").write_text(f"doc-{region}")
    (root / "logs").mkdir()

    app_port, port = _free_port(), _free_port()
    app = http.server.ThreadingHTTPServer(("127.0.0.1", app_port), _App)
    threading.Thread(target=app.serve_forever, daemon=True).start()

    conf = _text()
    # Plain HTTP on a free port instead of TLS on 443, and the test's folders.
    conf = re.sub(r"server \{\n    listen 80;.*?\n\}\n", "", conf, flags=re.S)
    conf = re.sub(r"    listen (\[::\]:)?443 ssl http2;\n", "", conf)
    conf = re.sub(r"    ssl_[a-z_]+ [^;]+;\n", "", conf)
    conf = conf.replace(
        "    server_name insist.example.org *.insist.example.org;",
        f"    listen 127.0.0.1:{port};\n"
        "    server_name insist.example.org *.insist.example.org;",
    )
    conf = conf.replace("server 127.0.0.1:8000;", f"server 127.0.0.1:{app_port};")
    conf = conf.replace("/srv/insist/media/", f"{media}/")
    conf = conf.replace("/srv/insist/static/", f"{root}/static/")
    # Workers run as root only when the test does (its folders are private).
    user = "user root;\n" if os.geteuid() == 0 else ""
    main = (
        f"{user}daemon off;\nmaster_process off;\nworker_processes 1;\n"
        f"pid {root}/nginx.pid;\nerror_log {root}/logs/error.log;\n"
        "events { worker_connections 64; }\n"
        f"http {{\n access_log off;\n client_body_temp_path {root}/body;\n"
        f" proxy_temp_path {root}/proxy;\n default_type text/plain;\n"
        f" {conf}\n}}\n"
    )
    (root / "nginx.conf").write_text(main)
    test = subprocess.run(
        [NGINX, "-t", "-p", str(root), "-c", str(root / "nginx.conf")],
        capture_output=True,
        text=True,
    )
    assert test.returncode == 0, test.stderr
    process = subprocess.Popen(
        [NGINX, "-p", str(root), "-c", str(root / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
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
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
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
