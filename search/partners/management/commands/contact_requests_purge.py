"""``manage.py contact_requests_purge``: delete unconfirmed contact requests
whose link expired and anonymise those older than
``INSIST_CONTACT_RETENTION_DAYS`` (run daily, like ``registrations_purge``)."""

from django.core.management.base import BaseCommand

from search.partners.services import contact_requests_purge


class Command(BaseCommand):
    help = "Delete expired unconfirmed contact requests; anonymise old ones."

    def handle(self, *args, **options):
        counts = contact_requests_purge()
        self.stdout.write(
            f"{counts['deleted']} unconfirmed deleted, "
            f"{counts['anonymised']} anonymised"
        )
