"""``manage.py region_backup SLUG [--output FILE]``: one region in one archive."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tenants.backups import region_backup
from tenants.selectors import region_list


class Command(BaseCommand):
    help = (
        "Write one region's schema (pg_dump) and its media folder into one "
        ".tar.gz archive with a manifest; region_restore reads it back."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the region to back up")
        parser.add_argument(
            "--output",
            type=Path,
            help="archive path (default: ./<slug>-<UTC time>.tar.gz)",
        )

    def handle(self, *args, slug, output, **options):
        region = region_list(slugs=[slug]).first()
        if region is None:
            raise CommandError(f"There is no region '{slug}'. Nothing was written.")
        try:
            report = region_backup(region=region, output=output)
        except RuntimeError as error:
            raise CommandError(f"{error} Nothing was written.") from error
        size = report.path.stat().st_size
        self.stdout.write(
            self.style.SUCCESS(
                f"{slug}: {report.path} ({size / 1e6:.1f} MB; schema dump "
                f"{report.dump_bytes / 1e6:.1f} MB, {report.media_files} media files)"
            )
        )
