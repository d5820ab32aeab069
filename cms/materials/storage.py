"""The private storage of material files: never under MEDIA_ROOT, never a URL.

Files are only ever handed out by ``cms.materials.views.material_download``,
which checks the material's scope against the requesting host's region first.
The folder is ``settings.MATERIALS_ROOT`` (default ``.data/materials``, a sibling
of MEDIA_ROOT, so no static or media route can reach it).
"""

import os
import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class MaterialStorage(FileSystemStorage):
    """A FileSystemStorage that reads ``MATERIALS_ROOT`` on each use and has no URL.

    Reading the setting lazily lets tests point it at a temporary folder.
    """

    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(settings.MATERIALS_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError(
            "Material files have no public URL: link to the material's download "
            "view instead."
        )


_storage = MaterialStorage()


def materials_storage() -> MaterialStorage:
    """The storage of ``MaterialFile.file`` (a callable keeps it out of migrations)."""
    return _storage


def material_file_path(instance, filename: str) -> str:
    """``<material uid>/<random>-<safe name>``: a stored name no one can guess.

    ``filename`` has been made safe by the upload check before it gets here.
    """
    return f"{instance.material.uid}/{secrets.token_hex(8)}-{instance.name or filename}"
