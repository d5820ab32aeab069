"""Pages render through the gettext catalogs: compile them once per test run.

German pages show German only through the compiled catalogs, so the tests
compile ``locale/`` into a copy instead of trusting whatever ``.mo`` files the
working tree holds (``make messages`` builds those; they are never committed).
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"


@pytest.fixture(scope="session")
def compiled(tmp_path_factory) -> Path:
    """The catalogs compiled by ``compilemessages`` into a copy, not the tree."""
    root = tmp_path_factory.mktemp("catalogs")
    shutil.copytree(LOCALE_DIR, root / "locale", ignore=shutil.ignore_patterns("*.mo"))
    with override_settings(LOCALE_PATHS=[root / "locale"]):
        # compilemessages also walks the working directory: point it at the copy
        cwd = Path.cwd()
        try:
            os.chdir(root)
            call_command("compilemessages", verbosity=0)
        finally:
            os.chdir(cwd)
    return root / "locale"


@pytest.fixture(scope="session", autouse=True)
def _pages_use_compiled_catalogs(compiled):
    with override_settings(LOCALE_PATHS=[compiled]):
        yield
