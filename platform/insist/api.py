"""The platform's JSON API, served under ``/api/`` on every host.

The platform wires it: each app offers a ``ninja.Router`` in its ``api.py`` and is
added here, so that apps never import each other for the API's sake. One OpenAPI
document (``/api/openapi.json``) describes every endpoint.

Invalid parameters (an unknown language, a malformed page number) are answered
with ``400`` and a ``detail`` sentence, the same shape as the endpoints' own
refusals, instead of django-ninja's default 422.
"""

from ninja import NinjaAPI
from ninja.errors import ValidationError

from cms.materials.api import router as materials_router
from cms.taxonomy.api import router as taxonomy_router
from search.api import router as search_router
from search.partners.api import router as partners_router

api = NinjaAPI(
    title="INSIST API",
    version="1",
    description="The INSIST platform's public JSON API, the same on every host.",
    openapi_url="/openapi.json",
    docs_url=None,
    urls_namespace="api",
)


@api.exception_handler(ValidationError)
def invalid_parameters(request, exc: ValidationError):
    problems = []
    for error in exc.errors:
        where = ".".join(str(part) for part in error.get("loc", ())[1:]) or "request"
        problems.append(f"{where}: {error.get('msg', 'invalid value')}")
    return api.create_response(
        request, {"detail": "Invalid parameters. " + "; ".join(problems)}, status=400
    )


api.add_router("", taxonomy_router)
api.add_router("", materials_router)
api.add_router("", search_router)
api.add_router("", partners_router)
