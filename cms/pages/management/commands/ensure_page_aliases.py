"""``manage.py ensure_page_aliases``: every page in every language, for regions
that existed before the page trees were synchronised."""

import time

from django.core.management.base import BaseCommand, CommandError

from cms.pages.translations import page_aliases_ensure
from tenants.selectors import region_list, region_unknown_slugs


class Command(BaseCommand):
    help = (
        "Give every German page of every region (or the ones named) an alias in "
        "each other platform language that lacks one, so /ar/..., /en/... exist "
        "for every page. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("regions", nargs="*", help="region slugs (default: all)")

    def handle(self, *args, regions, **options):
        unknown = region_unknown_slugs(slugs=regions)
        if unknown:
            raise CommandError(f"unknown region(s): {', '.join(unknown)}")
        for region in region_list(slugs=regions).order_by("schema_name"):
            started = time.monotonic()
            for line, changed in page_aliases_ensure(region=region):
                style = self.style.SUCCESS if changed else (lambda text: text)
                self.stdout.write(style(f"{region.schema_name}: {line}"))
            self.stdout.write(
                f"{region.schema_name}: done in {time.monotonic() - started:.1f} s"
            )
