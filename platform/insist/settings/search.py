"""Settings of the cross-region search (``search/``); docs/search.md explains them.

The PostgreSQL backend is the default. With ``ELASTICSEARCH_URL`` set, queries go
to Elasticsearch and every index change is also written to an outbox that
``manage.py search_outbox_drain`` forwards (publishing never waits for it).
"""

import environ

_env = environ.Env()

# The cross-region index lives in the public schema (search is a shared app).
ELASTICSEARCH_URL = _env("ELASTICSEARCH_URL", default="")
# The alias the backend reads and writes; a rebuild creates <alias>-<timestamp>
# and swaps the alias, so there is never an empty window.
SEARCH_ELASTICSEARCH_ALIAS = _env("SEARCH_ELASTICSEARCH_ALIAS", default="insist-clubs")
# Seconds the client waits for Elasticsearch before giving up (outbox drain).
SEARCH_ELASTICSEARCH_TIMEOUT = _env.float("SEARCH_ELASTICSEARCH_TIMEOUT", default=5.0)

# The club directory of each region filters through the search index
# (cms/pages/selectors.py loads this with import_string; unset: plain ORM).
INSIST_DIRECTORY_SEARCH = "search.selectors.directory_search"

# Results per page on /suche/ and in GET /api/search.
SEARCH_PAGE_SIZE = 20
