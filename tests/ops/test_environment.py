"""Every variable the code reads is documented, and the test settings read no
developer's ``.env``."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
READS = re.compile(
    r"""(?:env(?:\.\w+)?\(\s*|os\.environ\.get\(\s*|os\.environ\[\s*|getenv\(\s*)"""
    r"""["']([A-Z][A-Z0-9_]+)["']"""
)
SHELL_READS = re.compile(r"\$\{([A-Z][A-Z0-9_]+)[:}-]")
# Read by the tools, not by us, or set by systemd / the shell.
NOT_OURS = {"PATH", "HOME", "PGPASSWORD", "PGHOST", "PGPORT", "PGUSER", "PGDATABASE"}


def _variables_read() -> dict[str, str]:
    found = {}
    sources = [
        *ROOT.glob("platform/**/*.py"),
        *ROOT.glob("tenants/**/*.py"),
        *ROOT.glob("cms/**/*.py"),
        *ROOT.glob("search/**/*.py"),
        *ROOT.glob("deploy/*.py"),
    ]
    for path in sources:
        for name in READS.findall(path.read_text(encoding="utf-8")):
            found.setdefault(name, str(path.relative_to(ROOT)))
    for path in ROOT.glob("deploy/*.sh"):
        for name in SHELL_READS.findall(path.read_text(encoding="utf-8")):
            found.setdefault(name, str(path.relative_to(ROOT)))
    return {k: v for k, v in found.items() if k not in NOT_OURS}


def test_env_example_lists_every_variable_the_code_reads():
    documented = set(
        re.findall(
            r"^#?\s*([A-Z][A-Z0-9_]+)=",
            (ROOT / ".env.example").read_text(encoding="utf-8"),
            re.MULTILINE,
        )
    )
    read = _variables_read()

    assert {"DJANGO_CONN_MAX_AGE", "GUNICORN_WORKERS"} <= set(read)
    missing = {name: where for name, where in read.items() if name not in documented}
    assert not missing, f"read but not in .env.example: {missing}"


def test_test_settings_never_read_a_developers_dot_env(tmp_path):
    dot_env = tmp_path / ".env"
    dot_env.write_text(
        "REDIS_URL=redis://developers-redis.invalid:6379/0\n"
        "DJANGO_SECRET_KEY=from-the-developers-dot-env\n"
    )
    probe = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.SECRET_KEY); print(settings.CACHES['default']['BACKEND'])"
    )
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DJANGO_") and k != "REDIS_URL"
    }
    env.update(
        DJANGO_DOT_ENV_FILE=str(dot_env),
        PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "platform")]),
        # a database URL, so that no settings module starts the embedded server
        DATABASE_URL=os.environ.get("DATABASE_URL", "postgres://x@db.invalid/x"),
    )

    def settings_seen(module: str) -> list[str]:
        result = subprocess.run(
            [sys.executable, "-c", probe],
            cwd=tmp_path,
            env={**env, "DJANGO_SETTINGS_MODULE": module},
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout.split()

    # The same .env does reach the development settings: the probe can tell.
    assert settings_seen("insist.settings.dev") == [
        "from-the-developers-dot-env",
        "insist.cache.FailSoftRedisCache",
    ]
    secret, cache = settings_seen("insist.settings.test")
    assert secret != "from-the-developers-dot-env"
    assert cache == "django.core.cache.backends.locmem.LocMemCache"
