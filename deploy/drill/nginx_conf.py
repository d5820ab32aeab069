"""deploy/nginx/site.conf, rendered for another machine: the tests' ``nginx -t``,
tests/security/test_nginx.py's real run and the drill's load balancer use the
real file, with paths, ports, names and upstreams replaced (nothing else
changes). The include of media-locations.conf is replaced by that file's text,
so its paths (media, materials) are rendered too.
"""

import re
import subprocess
from pathlib import Path

DEPLOY = Path(__file__).resolve().parents[1]
SITE_CONF = DEPLOY / "nginx" / "site.conf"
MEDIA_LOCATIONS = DEPLOY / "nginx" / "media-locations.conf"
MEDIA_INCLUDE = "    include /srv/insist/app/deploy/nginx/media-locations.conf;\n"


def render_site(
    *,
    app_root: Path,
    static_root: Path,
    tls_dir: Path,
    upstreams: list[str] | None = None,
    http_listen: str | None = None,
    https_listen: str | None = None,
    server_names: str | None = None,
    media_root: Path | None = None,
    materials_root: Path | None = None,
) -> str:
    text = SITE_CONF.read_text(encoding="utf-8")
    assert MEDIA_INCLUDE in text, "site.conf no longer includes media-locations.conf"
    media = "".join(
        f"    {line}\n" if line else "\n"
        for line in MEDIA_LOCATIONS.read_text(encoding="utf-8").splitlines()
    )
    text = text.replace(MEDIA_INCLUDE, media)
    if media_root:
        text = text.replace("/srv/insist/media/", f"{media_root}/")
    if materials_root:
        text = text.replace("/srv/insist/materials/", f"{materials_root}/")
    text = text.replace("/srv/insist/app/", f"{app_root}/")
    text = text.replace("/srv/insist/static/", f"{static_root}/")
    text = text.replace("/etc/insist/tls/", f"{tls_dir}/")
    if upstreams:
        servers = "".join(
            f"    server {u} max_fails=2 fail_timeout=5s;\n" for u in upstreams
        )
        text = re.sub(
            r"(upstream insist_app \{\n)(?:.*\n)*?(    keepalive)",
            lambda m: m.group(1) + servers + m.group(2),
            text,
        )
    if http_listen:
        text = text.replace(
            "    listen 80;\n    listen [::]:80;\n", f"    listen {http_listen};\n"
        )
    if https_listen:
        text = text.replace(
            "    listen 443 ssl http2;\n    listen [::]:443 ssl http2;\n",
            f"    listen {https_listen} ssl http2;\n",
        )
    if server_names:
        text = text.replace(
            "server_name insist.example.org .insist.example.org;",
            f"server_name {server_names};",
        )
    return text


def main_conf(*, prefix: Path, site: Path, workers: int = 1) -> str:
    """A whole nginx.conf around ``site``, everything under ``prefix``."""
    return f"""
worker_processes {workers};
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 512; }}
http {{
    default_type application/octet-stream;
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {site};
}}
"""


def self_signed_certificate(tls_dir: Path, *, names: list[str]) -> None:
    tls_dir.mkdir(parents=True, exist_ok=True)
    san = ",".join(f"DNS:{n}" for n in names)
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            f"/CN={names[0]}",
            "-addext",
            f"subjectAltName={san}",
            "-keyout",
            str(tls_dir / "privkey.pem"),
            "-out",
            str(tls_dir / "fullchain.pem"),
        ],
        check=True,
        capture_output=True,
    )


def write_config(
    prefix: Path, *, app_root: Path, static_root: Path, **site_options
) -> Path:
    """Certificate, site and nginx.conf under ``prefix``; returns nginx.conf."""
    prefix.mkdir(parents=True, exist_ok=True)
    tls_dir = prefix / "tls"
    self_signed_certificate(tls_dir, names=["localhost", "*.localhost"])
    site = prefix / "site.conf"
    site.write_text(
        render_site(
            app_root=app_root, static_root=static_root, tls_dir=tls_dir, **site_options
        )
    )
    conf = prefix / "nginx.conf"
    conf.write_text(main_conf(prefix=prefix, site=site))
    return conf
