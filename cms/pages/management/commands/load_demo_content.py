"""``manage.py load_demo_content``: invented content for every region."""

import time

from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandError

from cms.materials.demo import materials_demo_load
from cms.pages.demo import demo_content_load
from cms.participation.demo import speed_dating_demo_load
from tenants.selectors import region_list, region_unknown_slugs


class Command(BaseCommand):
    help = (
        "Fill every region (or the ones named) with invented demo content: "
        "club portraits, stories, events and the standard pages. Idempotent. "
        "Uses the shared taxonomy, which setup_platform loads."
    )

    def add_arguments(self, parser):
        parser.add_argument("regions", nargs="*", help="region slugs (default: all)")

    def handle(self, *args, regions, **options):
        unknown = region_unknown_slugs(slugs=regions)
        if unknown:
            raise CommandError(f"unknown region(s): {', '.join(unknown)}")
        for region in region_list(slugs=regions).order_by("schema_name"):
            started = time.monotonic()
            self.stdout.write(f"{region.slug}: loading demo content ...")
            lines = demo_content_load(region=region) + materials_demo_load(
                region=region
            )
            lines += speed_dating_demo_load(region=region)
            for line, changed in lines:
                style = self.style.SUCCESS if changed else (lambda text: text)
                self.stdout.write(style(f"  {line}"))
            self.stdout.write(
                f"{region.slug}: done in {time.monotonic() - started:.1f} s"
            )
        # Partner matching lives above cms (search.partners): called by name, so
        # cms imports nothing from search.
        if "partners_demo" in get_commands():
            call_command("partners_demo", *regions, stdout=self.stdout)
