"""The repository layout keeps the standard library's `platform` reachable."""

import platform as stdlib_platform
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_platform_inside_the_app_is_the_standard_library():
    assert stdlib_platform.python_version() == ".".join(map(str, sys.version_info[:3]))
    assert not (ROOT / "platform" / "__init__.py").exists()


def test_import_platform_from_the_repository_root_is_the_standard_library():
    result = subprocess.run(
        [sys.executable, "-c", "import platform, uuid; print(platform.system())"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == stdlib_platform.system()
