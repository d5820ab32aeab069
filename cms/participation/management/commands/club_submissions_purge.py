"""``manage.py club_submissions_purge``: erase club submissions whose link
expired unconfirmed, in every region (run daily, docs/participation.md)."""

from django.core.management.base import BaseCommand

from cms.participation.services import club_submissions_purge
from tenants.selectors import region_list


class Command(BaseCommand):
    help = "Erase club submissions whose confirmation link expired, in every region."

    def handle(self, *args, **options):
        total = 0
        for region in region_list():
            erased = club_submissions_purge(region=region)
            total += erased
            self.stdout.write(f"{region.slug}: {erased} expired submission(s) erased")
        self.stdout.write(f"{total} submission(s) erased in all regions.")
