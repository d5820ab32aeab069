"""Middleware that hardens every request of the portal and the regions."""

from urllib.parse import unquote_to_bytes

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _


def query_string_problem(query_string: str) -> str | None:
    """Why ``query_string`` (as sent, percent-encoded) is refused, or None.

    PostgreSQL refuses NUL bytes in text (a ``DataError``, a 500 for the
    visitor), and invalid UTF-8 would reach views as replacement characters.
    """
    raw = unquote_to_bytes(query_string.replace("+", " "))
    if b"\x00" in raw:
        return _("The address contains a NUL character.")
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return _("The address is not valid UTF-8.")
    return None


class QueryStringGuardMiddleware:
    """Answers 400 to a query string with a NUL byte or invalid UTF-8.

    Nothing hand-reads ``request.GET`` after this: directory filters, the API and
    the admin's search all see clean text (docs/traps.md, trap 11).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        problem = query_string_problem(request.META.get("QUERY_STRING", ""))
        if problem and request.path_info.startswith("/api/"):
            # The API's refusals all have one shape (platform/insist/api.py).
            return JsonResponse({"detail": problem}, status=400)
        if problem:
            return HttpResponseBadRequest(
                problem, content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)


class RegionCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's policy under the admin paths.

    Public pages get ``CONTENT_SECURITY_POLICY`` (nothing inline); the Wagtail
    admin and the portal's Django admin get ``INSIST_ADMIN_CSP``.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.INSIST_ADMIN_PATH_PREFIXES)
        ):
            parts.config = settings.INSIST_ADMIN_CSP
        return parts
