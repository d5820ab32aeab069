"""A management command that does one job in every region and reports.

Timers (deploy/systemd/*.timer) run commands built on ``RegionCommand``: each
region is entered with ``in_region``, one region's failure is reported and does
not stop the others, and the command exits non-zero when any region failed (so
systemd marks the run as failed and the operator sees it in ``systemctl
--failed``).

    class Command(RegionCommand):
        help = "..."

        def handle_region(self, region, **options) -> str:
            ...                     # runs inside in_region(region)
            return "3 pages published"

``--region SLUG`` (repeatable) narrows the run; an unknown slug changes nothing.
"""

import time

from django.core.management.base import BaseCommand, CommandError

from tenants.context import in_region
from tenants.models import Region
from tenants.selectors import region_list, region_unknown_slugs


class RegionCommand(BaseCommand):
    """Loops over the regions; subclasses implement ``handle_region``."""

    def add_arguments(self, parser):
        parser.add_argument(
            "--region",
            action="append",
            default=[],
            dest="regions",
            metavar="SLUG",
            help="only this region (repeatable; default: every region)",
        )

    def handle_region(self, region: Region, **options) -> str:
        raise NotImplementedError

    def handle(self, *args, regions: list[str], **options):
        unknown = region_unknown_slugs(slugs=regions) if regions else []
        if unknown:
            raise CommandError(
                f"Unknown region(s): {', '.join(unknown)}. Nothing was changed."
            )
        failed = []
        for region in region_list(slugs=regions):
            started = time.monotonic()
            try:
                with in_region(region):
                    summary = self.handle_region(region, **options)
            except Exception as error:  # reported, and the next region still runs
                failed.append(region.slug)
                self.stderr.write(f"{region.slug}: FAILED: {error!r}")
                continue
            took = time.monotonic() - started
            self.stdout.write(f"{region.slug}: {summary} ({took:.1f} s)")
        if failed:
            raise CommandError(f"Failed in: {', '.join(failed)}.")
