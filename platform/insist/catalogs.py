"""Compile the gettext catalogs in locale/ to .mo files, in pure Python.

`make` runs this instead of `manage.py compilemessages`, which needs GNU gettext's
msgfmt on the machine; Babel writes the same files. Fuzzy entries are left out,
as msgfmt does.

    python platform/insist/catalogs.py
"""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"


def catalogs_compile(*, locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Write ``django.mo`` beside every ``django.po``; returns the files written."""
    written = []
    for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/django.po")):
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=po_path.parts[-3])
        mo_path = po_path.with_suffix(".mo")
        with mo_path.open("wb") as mo_file:
            write_mo(mo_file, catalog, use_fuzzy=False)
        written.append(mo_path)
    return written


if __name__ == "__main__":
    for path in catalogs_compile():
        print(f"compiled {path.relative_to(LOCALE_DIR.parent)}")
