"""Pages render through the gettext catalogs: compile them once per test run.

German pages show German only through the compiled catalogs, so the tests
compile ``locale/`` into a copy instead of trusting whatever ``.mo`` files the
working tree holds (``make messages`` builds those; they are never committed).
"""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from insist.catalogs import catalogs_compile

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"


@pytest.fixture(scope="session")
def compiled(tmp_path_factory) -> Path:
    """The catalogs compiled as ``make`` compiles them, into a copy of the tree."""
    root = tmp_path_factory.mktemp("catalogs")
    shutil.copytree(LOCALE_DIR, root / "locale", ignore=shutil.ignore_patterns("*.mo"))
    catalogs_compile(locale_dir=root / "locale")
    return root / "locale"


@pytest.fixture(scope="session", autouse=True)
def _pages_use_compiled_catalogs(compiled):
    with override_settings(LOCALE_PATHS=[compiled]):
        yield
