"""`make demo` answers this machine only unless HOST says otherwise."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def _runserver_line(*args) -> str:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    result = subprocess.run(
        ["make", "-n", "demo", *args], cwd=ROOT, capture_output=True, text=True
    )
    lines = [line for line in result.stdout.splitlines() if " runserver " in line]
    assert len(lines) == 1, result.stdout + result.stderr
    return lines[0]


def test_demo_listens_on_localhost_by_default():
    assert _runserver_line().endswith("runserver 127.0.0.1:8000")


def test_demo_listens_where_host_says():
    assert _runserver_line("HOST=0.0.0.0", "PORT=8080").endswith(
        "runserver 0.0.0.0:8080"
    )


def test_demo_emails_link_to_the_demo_port():
    assert "INSIST_URL_PORT=8000 " in _runserver_line()
