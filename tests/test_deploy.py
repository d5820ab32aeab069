"""Production settings pass Django's deployment checks; gunicorn serves the app."""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from insist.database import database_url

ROOT = Path(__file__).resolve().parents[1]


def _env(**extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(extra)
    return env


def test_check_deploy_reports_nothing_for_production_settings():
    env = _env(
        DJANGO_SETTINGS_MODULE="insist.settings.production",
        DJANGO_SECRET_KEY="x" * 20 + "-a-long-random-production-secret-" + "y" * 20,
        DJANGO_ALLOWED_HOSTS=".insist.example.org",
        DATABASE_URL="postgres://insist@db.invalid:5432/insist",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.django_db
def test_gunicorn_serves_a_region_through_the_wsgi_entry():
    port = _free_port()
    env = _env(
        DJANGO_SETTINGS_MODULE="insist.settings.test",
        DATABASE_URL=database_url(connection.settings_dict),
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "deploy/gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/", headers={"Host": "halle.localhost"}
        )
        body = None
        for _ in range(100):
            try:
                with urllib.request.urlopen(request, timeout=5) as response:
                    status, body = response.status, response.read().decode()
                break
            except OSError:
                time.sleep(0.2)
        assert body is not None, "gunicorn did not answer"
        assert status == 200
        assert "<h1>Halle (Saale) und Umland</h1>" in body
    finally:
        server.terminate()
        server.wait(10)
