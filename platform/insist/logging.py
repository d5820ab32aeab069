"""Logging that names the region on every line, and JSON lines for production.

``RegionFilter`` adds ``record.region``: the schema the connection of the thread
that logs is in (``public`` for the portal and for work outside any region). It
is read from django-tenants' connection state, which the tenant middleware sets
for requests and ``tenants.context`` sets for commands and tasks, so one filter
covers requests, the task worker and management commands alike.
"""

import json
import logging
from datetime import UTC, datetime


def current_region() -> str:
    try:
        from django.db import connection

        return getattr(connection, "schema_name", None) or "public"
    except Exception:  # settings not loaded yet, or no database configured
        return "-"


class RegionFilter(logging.Filter):
    """Sets ``record.region`` (a filter that never drops a record)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "region"):
            record.region = current_region()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, region, message (and the
    traceback), for a log collector to index without parsing prose."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "region": getattr(record, "region", None) or current_region(),
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
