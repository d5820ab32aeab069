"""The platform's JSON API, served under ``/api/`` on every host.

One OpenAPI document (``/api/openapi.json``) describes every endpoint; later
endpoints join it with ``api.add_router(...)``.
"""

from ninja import NinjaAPI

from cms.taxonomy.api import router as taxonomy_router

api = NinjaAPI(
    title="INSIST API",
    version="1",
    description="The INSIST platform's public JSON API, the same on every host.",
    openapi_url="/openapi.json",
    docs_url=None,
    urls_namespace="api",
)
api.add_router("", taxonomy_router)
