"""``manage.py load_demo_content``: invented content for every region."""

import time

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_tenants.utils import get_public_schema_name, schema_context

from tenants.models import Region


class Command(BaseCommand):
    help = (
        "Fill every region (or the ones named) with invented demo content: "
        "club portraits, stories, events and the standard pages. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("regions", nargs="*", help="region slugs (default: all)")

    def handle(self, *args, regions, **options):
        from cms.pages.demo import demo_content_load

        queryset = Region.objects.exclude(schema_name=get_public_schema_name())
        if regions:
            queryset = queryset.filter(schema_name__in=regions)
            missing = set(regions) - set(queryset.values_list("schema_name", flat=True))
            if missing:
                raise CommandError(f"unknown region(s): {', '.join(sorted(missing))}")
        self._taxonomy_ensure(queryset)
        for region in queryset.order_by("schema_name"):
            started = time.monotonic()
            self.stdout.write(f"{region.schema_name}: loading demo content ...")
            with schema_context(region.schema_name), transaction.atomic():
                lines = demo_content_load(region=region)
            for line, changed in lines:
                style = self.style.SUCCESS if changed else (lambda text: text)
                self.stdout.write(style(f"  {line}"))
            self.stdout.write(
                f"{region.schema_name}: done in {time.monotonic() - started:.1f} s"
            )

    def _taxonomy_ensure(self, regions):
        """The shared vocabulary and each region's districts, when missing."""
        try:
            from cms.taxonomy.services import (
                region_districts_load,
                taxonomy_defaults_load,
            )
        except ImportError:  # pragma: no cover - taxonomy services not installed
            return
        for line, changed in taxonomy_defaults_load():
            if changed:
                self.stdout.write(f"taxonomy: {line}")
        for region in regions:
            for line, changed in region_districts_load(region=region):
                if changed:
                    self.stdout.write(f"{region.schema_name}: {line}")
