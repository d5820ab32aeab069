from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tenants.services import region_provision


class Command(BaseCommand):
    help = (
        "Add a region (or complete one): its schema, domain, Wagtail site and home "
        "page, and the groups regional admin, moderator and editor. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="lower-case slug, also the schema name")
        parser.add_argument("--name", required=True, help="the region's display name")
        parser.add_argument(
            "--domain", help="host name (default: <slug>.<INSIST_PLATFORM_DOMAIN>)"
        )

    def handle(self, *args, slug, name, domain, **options):
        try:
            report = region_provision(slug=slug, name=name, domain=domain, verbosity=0)
        except ValidationError as error:
            messages = [
                message
                for messages in error.message_dict.values()
                for message in messages
            ]
            raise CommandError("Nothing was changed. " + " ".join(messages)) from error
        for line in report.lines:
            self.stdout.write(f"  {line}")
        summary = (
            f"Region '{slug}' is ready."
            if report.changed
            else (f"Region '{slug}' was already complete; nothing changed.")
        )
        self.stdout.write(self.style.SUCCESS(summary))
