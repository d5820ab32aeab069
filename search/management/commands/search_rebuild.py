"""``manage.py search_rebuild [--region SLUG]``: rebuild the cross-region index.

Not needed in daily work (publishing keeps the index in step); for a new
index version, a restored database, or after changing ``search.lexicon``.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from search.services import elasticsearch_enabled, region_reindex
from tenants.selectors import region_list, region_unknown_slugs


class Command(BaseCommand):
    help = "Rebuild the search index of every region (or of one), with progress."

    def add_arguments(self, parser):
        parser.add_argument("--region", help="Slug of the one region to rebuild.")

    def handle(self, *args, region=None, **options):
        if region and region_unknown_slugs(slugs=[region]):
            known = ", ".join(r.slug for r in region_list())
            raise CommandError(
                f"Unknown region '{region}' (known: {known}). Nothing was changed."
            )
        regions = list(region_list(slugs=[region] if region else []))
        console = Console(file=self.stdout, force_terminal=False)
        started = time.monotonic()
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console,
        ) as progress:
            for item in regions:
                task = progress.add_task(item.name, total=None)

                def advance(done, total, task=task):
                    progress.update(task, total=total, advance=done)

                stats = region_reindex(region=item, progress=advance)
                progress.update(
                    task, total=max(stats["pages"], 1), completed=max(stats["pages"], 1)
                )
                console.print(
                    f"{item.name}: {stats['indexed']} pages indexed, "
                    f"{stats['removed']} stale rows removed"
                )
        if elasticsearch_enabled() and not region:
            from search.elastic import index_rebuild

            result = index_rebuild()
            console.print(
                f"Elasticsearch: {result['documents']} documents in {result['index']}"
                f" (alias swapped, replaced: {', '.join(result['replaced']) or '-'})"
            )
        console.print(f"Done in {time.monotonic() - started:.1f} s.")
