"""A sendfile backend for Wagtail's document serve view behind nginx.

Wagtail checks the document's collection restrictions, then hands the file to
``SENDFILE_BACKEND``. This backend answers with an empty response whose
``X-Accel-Redirect`` names the file under ``INSIST_PROTECTED_MEDIA_URL``; nginx
serves that location to internal redirects only (deploy/nginx/media-locations.conf), so
no URL a visitor can type reaches a document without the check.
"""

from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpResponse


class AcceleratedResponse(HttpResponse):
    """Carries no body: nginx sends the file and its length."""

    def __setitem__(self, header, value):
        # Wagtail sets the file's length; the body here is empty.
        if header.lower() == "content-length":
            return
        super().__setitem__(header, value)


def sendfile(request, filename, **kwargs):
    root = Path(settings.MEDIA_ROOT).resolve()
    try:
        relative = Path(filename).resolve().relative_to(root)
    except ValueError as error:
        raise Http404("Not a media file.") from error
    response = AcceleratedResponse()
    response["X-Accel-Redirect"] = settings.INSIST_PROTECTED_MEDIA_URL + quote(
        relative.as_posix()
    )
    return response
