from django.core.management.base import BaseCommand, CommandError

from cms.taxonomy.services import region_districts_load, taxonomy_defaults_load
from tenants.selectors import region_list, region_unknown_slugs


class Command(BaseCommand):
    help = (
        "Create the default club taxonomy (fields of activity, target groups, "
        "languages, kinds of organisation, migration reference) and the districts "
        "of every region, or of the regions given. Idempotent: missing terms and "
        "empty translations are added, nothing an administrator changed is touched. "
        "Regions set up by setup_platform get this automatically."
    )

    def add_arguments(self, parser):
        parser.add_argument("regions", nargs="*", help="region slugs (default: all)")

    def handle(self, *args, regions, **options):
        unknown = region_unknown_slugs(slugs=regions)
        if unknown:
            raise CommandError(f"No such region: {', '.join(unknown)}")
        for line, changed in taxonomy_defaults_load():
            self.stdout.write(("changed: " if changed else "ok: ") + line)
        for region in region_list(slugs=regions):
            for line, changed in region_districts_load(region=region):
                prefix = "changed: " if changed else "ok: "
                self.stdout.write(f"{prefix}{region.slug}: {line}")
