"""nginx accepts deploy/nginx/site.conf as written (only paths replaced)."""

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _nginx_conf_module():
    spec = importlib.util.spec_from_file_location(
        "nginx_conf", ROOT / "deploy" / "drill" / "nginx_conf.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not shutil.which("nginx"), reason="nginx is not installed")
@pytest.mark.skipif(not shutil.which("openssl"), reason="openssl is not installed")
def test_nginx_accepts_the_site_configuration(tmp_path):
    nginx_conf = _nginx_conf_module()
    conf = nginx_conf.write_config(
        tmp_path, app_root=ROOT, static_root=tmp_path / "static"
    )

    result = subprocess.run(
        ["nginx", "-t", "-p", str(tmp_path), "-c", str(conf)],
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_site_configuration_sets_what_django_relies_on():
    site = (ROOT / "deploy" / "nginx" / "site.conf").read_text()
    params = (ROOT / "deploy" / "nginx" / "proxy-params.conf").read_text()

    # Django routes by Host and trusts X-Forwarded-Proto: both set, not passed on.
    assert "proxy_set_header Host $host;" in params
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in params
    # The media and X-Accel locations are included (the file must exist).
    assert "include /srv/insist/app/deploy/nginx/media-locations.conf;" in site
    assert (ROOT / "deploy" / "nginx" / "media-locations.conf").is_file()
    # The limits count the client's address from X-Real-IP (production settings).
    assert "proxy_set_header X-Real-IP $remote_addr;" in params
