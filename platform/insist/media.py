"""Serving a region's media files on its own host only (docs/traps.md, trap 9).

Files live under ``MEDIA_ROOT/<region>/`` and have URLs ``/media/<region>/...``.
On a region's host this view serves that region's files and nothing else; it
never serves documents, which go through Wagtail's serve view (it checks the
privacy of restricted collections). In production nginx serves ``/media/`` with
the same rules (deploy/nginx/media-locations.conf) and this view is not reached.
"""

from pathlib import Path

from django.conf import settings
from django.http import Http404
from django.views.decorators.http import require_safe
from django.views.static import serve

# Folders under a region's media root that are never served by URL.
PRIVATE_FOLDERS = ("documents",)


@require_safe
def region_media(request, region: str, path: str):
    tenant = getattr(request, "tenant", None)
    if tenant is None or tenant.schema_name != region:
        raise Http404("No such file on this host.")
    parts = Path(path).parts
    if ".." in parts or not parts:
        raise Http404("No such file on this host.")
    if parts[0] in PRIVATE_FOLDERS:
        raise Http404("Documents are served through /documents/.")
    return serve(request, path, document_root=Path(settings.MEDIA_ROOT) / region)
