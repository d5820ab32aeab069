"""Checks every uploaded material file before anything is stored.

The type is read from the content (magic bytes, and for zip containers the
ODF ``mimetype`` member or the OOXML ``[Content_Types].xml``), and must agree
with the name's extension: a script renamed to ``.pdf`` is refused. The size
limit is ``settings.MATERIALS_MAX_UPLOAD_BYTES``. Names are checked and made
safe (ASCII, no path, no leading dot). A refusal raises ``ValidationError``
saying why; the caller stores nothing.
"""

import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

from cms.textsearch import german_slug

ODF_TYPES = {
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "odg": "application/vnd.oasis.opendocument.graphics",
}
OOXML_TYPES = {
    "docx": (
        "wordprocessingml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "xlsx": (
        "spreadsheetml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "pptx": (
        "presentationml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ),
}
SIMPLE_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "webp": "image/webp",
    "mp4": "video/mp4",
}
ALLOWED_EXTENSIONS = sorted({*ODF_TYPES, *OOXML_TYPES, *SIMPLE_TYPES})
MAX_NAME_LENGTH = 100


@dataclass(frozen=True)
class CheckedUpload:
    name: str  # the safe file name (ASCII, no path)
    content_type: str
    size: int


def safe_file_name(name: str) -> str:
    """The name checked and made safe; refuses a path, control bytes, no extension.

    ``Übung: Konflikte (v2).PDF`` becomes ``uebung-konflikte-v2.pdf``.
    """
    if not name or not name.strip():
        raise ValidationError("The file has no name. Nothing was stored.")
    if any(ord(ch) < 32 or ch in "/\\" for ch in name):
        raise ValidationError(
            "The file name contains a path or control characters; rename the file "
            "and upload it again. Nothing was stored."
        )
    if name.startswith(".") or "." not in name.strip("."):
        raise ValidationError(
            f"'{name[:60]}' has no file extension (such as .pdf); use one of: "
            f"{', '.join(ALLOWED_EXTENSIONS)}. Nothing was stored."
        )
    stem, extension = name.rsplit(".", 1)
    extension = extension.lower()
    folded = german_slug(stem)
    if not folded:
        folded = "material"
    return f"{folded[: MAX_NAME_LENGTH - len(extension) - 1]}.{extension}"


def _sniff(head: bytes, file) -> str | None:
    """The extension the content says it is (``pdf``, ``odt``, ...) or None."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp":
        return "mp4"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(file)
    return None


def _sniff_zip(file) -> str | None:
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            # Read only small members: a crafted archive must not inflate to
            # gigabytes while it is being checked.
            for member in ("mimetype", "[Content_Types].xml"):
                if member in names and archive.getinfo(member).file_size > 1_000_000:
                    return None
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                for extension, expected in ODF_TYPES.items():
                    if mimetype == expected:
                        return extension
                return None
            if "[Content_Types].xml" in names:
                types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
                for extension, (marker, _mime) in OOXML_TYPES.items():
                    if f"officedocument.{marker}." in types:
                        return extension
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        return None
    finally:
        file.seek(0)
    return None


def _content_type(extension: str) -> str:
    if extension in ODF_TYPES:
        return ODF_TYPES[extension]
    if extension in OOXML_TYPES:
        return OOXML_TYPES[extension][1]
    return SIMPLE_TYPES[extension]


def upload_check(*, file, name: str | None = None) -> CheckedUpload:
    """Check an uploaded file (a Django ``File``): name, size, type by content."""
    safe_name = safe_file_name(name if name is not None else file.name)
    extension = safe_name.rsplit(".", 1)[1]
    if extension not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            f"Files of type .{extension} cannot be shared; use one of: "
            f"{', '.join(ALLOWED_EXTENSIONS)}. Nothing was stored."
        )
    size = file.size
    if not size:
        raise ValidationError(f"'{safe_name}' is empty (0 bytes). Nothing was stored.")
    limit = settings.MATERIALS_MAX_UPLOAD_BYTES
    if size > limit:
        raise ValidationError(
            f"'{safe_name}' is {filesizeformat(size)}; files may have at most "
            f"{filesizeformat(limit)}. Nothing was stored."
        )
    file.seek(0)
    head = file.read(64)
    file.seek(0)
    found = _sniff(head, file)
    same = {"jpg": {"jpg", "jpeg"}}
    if found is None or extension not in same.get(found, {found}):
        what = f"a .{found} file" if found else "none of the accepted types"
        raise ValidationError(
            f"'{safe_name}' is named .{extension} but its content is {what}; "
            "upload the file in its real format. Nothing was stored."
        )
    return CheckedUpload(
        name=safe_name, content_type=_content_type(extension), size=size
    )
