"""``manage.py region_restore ARCHIVE [--as NEWSLUG] [--domain HOST]``."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tenants.backups import region_restore


class Command(BaseCommand):
    help = (
        "Restore a region from a region_backup archive: its schema, its Region and "
        "Domain rows and its media, as the same region (into a platform that does "
        "not have it, e.g. a fresh one) or as a new one (--as NEWSLUG). Refuses, "
        "changing nothing, when the slug, schema, domain or media folder is taken."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--as", dest="new_slug", help="restore under this slug (a copy)"
        )
        parser.add_argument(
            "--domain",
            help="its host (default: the archived primary domain, or "
            "<NEWSLUG>.<INSIST_PLATFORM_DOMAIN> with --as)",
        )

    def handle(self, *args, archive, new_slug, domain, **options):
        if not archive.is_file():
            raise CommandError(f"No archive at {archive}. Nothing was changed.")
        try:
            report = region_restore(
                archive_path=archive, new_slug=new_slug, domain=domain
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        for line in report.lines:
            self.stdout.write(f"  {line}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Region '{report.slug}' restored from '{report.source_slug}' at "
                f"{report.domain} ({report.media_files} media files)."
            )
        )
