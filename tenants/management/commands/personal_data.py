"""``manage.py personal_data export|erase --email ADDRESS [--dry-run]``."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from tenants.personal_data import personal_data_erase, personal_data_export


class Command(BaseCommand):
    help = (
        "Find what the platform holds about one email address, in every region "
        "and the portal: 'export' prints it as JSON, 'erase' deletes or blanks it "
        "and says what changed (--dry-run: says it, changes nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("--email", required=True)
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="erase: report what would change, change nothing",
        )

    def handle(self, *args, action, email, dry_run, **options):
        email = email.strip()
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(
                f"'{email}' is not an email address. Nothing was changed."
            ) from error
        if action == "export":
            data = personal_data_export(email=email)
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
            return
        report = personal_data_erase(email=email, dry_run=dry_run)
        verb = "would change" if dry_run else "changed"
        for slug, by_provider in report.changes.items():
            for name, lines in by_provider.items():
                for line in lines:
                    self.stdout.write(f"{slug}: {name}: {line}")
        if not report.changes:
            self.stdout.write(f"Nothing found for {email}. Nothing was changed.")
        else:
            suffix = " Nothing was changed (dry run)." if dry_run else ""
            self.stdout.write(
                f"{report.count} item(s) {verb} for {email} in "
                f"{len(report.changes)} schema(s).{suffix}"
            )
