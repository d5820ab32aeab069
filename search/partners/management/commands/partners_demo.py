"""``manage.py partners_demo [region ...]``: demo contact requests per region."""

from django.core.management.base import BaseCommand

from search.partners.demo import partners_demo_load
from tenants.selectors import region_list


class Command(BaseCommand):
    help = "Demo contact requests in several statuses (after load_demo_content)."

    def add_arguments(self, parser):
        parser.add_argument("regions", nargs="*")

    def handle(self, *args, regions, **options):
        for region in region_list(slugs=regions).order_by("schema_name"):
            for line, _changed in partners_demo_load(region=region):
                self.stdout.write(f"{region.slug}: {line}")
