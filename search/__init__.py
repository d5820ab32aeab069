"""The cross-region search: one index of club portraits in the public schema.

``models.py`` holds the index table and the Elasticsearch outbox, ``documents.py``
turns a page into index rows, ``services.py`` writes them, ``signals.py`` keeps
them in step with publishing, ``selectors.py`` answers queries (PostgreSQL) and
``elastic.py`` the Elasticsearch backend. docs/search.md explains the design.
"""
