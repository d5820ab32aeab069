"""``manage.py search_outbox_drain [--forever]``: send index changes to
Elasticsearch (the worker; run it next to the web process when
``ELASTICSEARCH_URL`` is set)."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Send pending search index changes to Elasticsearch."

    def add_arguments(self, parser):
        parser.add_argument("--forever", action="store_true", help="Keep draining.")
        parser.add_argument("--interval", type=float, default=2.0)

    def handle(self, *args, forever=False, interval=2.0, **options):
        if not settings.ELASTICSEARCH_URL:
            raise CommandError(
                "ELASTICSEARCH_URL is not set: there is nothing to send."
            )
        from search.elastic import outbox_drain

        while True:
            stats = outbox_drain()
            if stats["sent"] or stats["failed"] or not forever:
                self.stdout.write(
                    f"sent {stats['sent']}, failed {stats['failed']}, "
                    f"pending {stats['pending']}"
                )
            if not forever:
                return
            time.sleep(interval)
