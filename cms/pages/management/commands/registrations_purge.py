"""``manage.py registrations_purge``: the retention rule for event registrations.

Run daily by the deployment (docs/security.md). In each region, registrations of
events that ended more than ``INSIST_REGISTRATION_RETENTION_DAYS`` days ago are
erased, and so are unconfirmed registrations whose confirmation link expired.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from cms.pages.services import event_registrations_purge
from tenants.selectors import region_list


class Command(BaseCommand):
    help = (
        "Erase event registrations INSIST_REGISTRATION_RETENTION_DAYS after their "
        "event, and expired unconfirmed ones, in every region."
    )

    def handle(self, *args, **options):
        days = settings.INSIST_REGISTRATION_RETENTION_DAYS
        total = 0
        for region in region_list():
            erased = event_registrations_purge(region=region)
            total += sum(erased.values())
            self.stdout.write(
                f"{region.slug}: {erased['past_events']} registration(s) of events "
                f"that ended more than {days} days ago, "
                f"{erased['unconfirmed']} expired unconfirmed one(s) erased"
            )
        self.stdout.write(f"{total} registration(s) erased in all regions.")
