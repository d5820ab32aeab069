"""``manage.py bench_partners``: partner suggestions at 100,000 portraits.

Uses the search benchmark's database (``<DATABASE NAME>_searchbench``) and its
synthetic portraits (``search.bench``, loaded by ``bench_search``'s loader when
the table does not hold ``--size`` rows); each portrait's "Wir bieten ..." and
"Wir suchen ..." sentences become its ``offers`` and ``seeks``. Times, for
``--clubs`` clubs: reading the club's profile, the bounded candidate queries,
scoring and the reasons; then the matching board's first page per region.
Prints tables; docs/partners.md keeps the figures.
"""

import random
import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.utils import translation
from rich.console import Console
from rich.table import Table

from search.management.commands.bench_search import Command as SearchBench
from search.management.commands.bench_search import _p95, _vocab
from search.models import SearchDocument
from search.partners.scoring import reasons
from search.partners.selectors import partner_suggestions, profile_from_row


class Command(BaseCommand):
    help = "Benchmark partner suggestions over 100,000 synthetic portraits."

    def add_arguments(self, parser):
        parser.add_argument("--size", type=int, default=100_000)
        parser.add_argument("--clubs", type=int, default=200)

    def handle(self, *args, size, clubs, **options):
        console = Console(file=self.stdout, width=120)
        bench = SearchBench(stdout=self.stdout)
        name = f"{settings.DATABASES['default']['NAME']}_searchbench"
        bench._database_ensure(name)
        connection.close()
        connection.settings_dict["NAME"] = name
        bench._schema_ensure()
        with connection.cursor() as cursor:
            for column in ("offers", "seeks"):
                cursor.execute(
                    "ALTER TABLE search_searchdocument ADD COLUMN IF NOT EXISTS "
                    f"{column} text NOT NULL DEFAULT ''"
                )
        vocab = _vocab()
        if SearchDocument.objects.count() != size:
            bench._load(size, vocab, console)
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE search_searchdocument SET "
                "offers = coalesce(substring(body from 'Wir bieten ([^.]*)\\.'), ''), "
                "seeks = coalesce(substring(body from 'Wir suchen ([^.]*)\\.'), '') "
                "WHERE offers = '' AND seeks = ''"
            )
        regions = {1: "bench_dortmund", 2: "bench_potsdam", 3: "bench_halle"}
        migrations = {pk: slug for slug, pk in vocab["migration"].items()}
        names = {
            facet: {pk: slug for slug, pk in vocab[facet].items()}
            for facet in ("activity", "target_group", "language")
        }
        rng = random.Random(11)
        page_ids = rng.sample(range(1, size + 1), clubs)
        times, counts = [], []
        with translation.override("de"):
            for n, page_id in enumerate([page_ids[0], *page_ids]):
                started = time.perf_counter()
                row = SearchDocument.objects.get(
                    region_id=(page_id - 1) % 3 + 1, page_id=page_id, language="de"
                )
                profile = profile_from_row(
                    row, region_slugs=regions, migrations=migrations
                )
                found = partner_suggestions(profile=profile, migrations=migrations)
                for s in found:
                    reasons(
                        s.match,
                        activity_names=names["activity"],
                        group_names=names["target_group"],
                        language_names=names["language"],
                    )
                if n:  # the first run warms the caches
                    times.append(time.perf_counter() - started)
                    counts.append(len(found))
        table = Table(title=f"Partner suggestions over {size:,} portraits (ms)")
        for column in ("clubs", "suggestions", "p50", "p95", "max"):
            table.add_column(column, justify="right")
        table.add_row(
            f"{clubs}",
            f"{statistics.median(counts):.0f}",
            f"{statistics.median(times) * 1000:.1f}",
            f"{_p95(times) * 1000:.1f}",
            f"{max(times) * 1000:.1f}",
        )
        console.print(table)
        self._board(console, migrations)

    def _board(self, console, migrations) -> None:
        """The matching board's first page per region (3 runs after a warm one)."""
        from search.partners.board import board_pairs
        from search.partners.models import BoardDecision, ContactRequest
        from tenants.models import Region

        with connection.cursor() as cursor:
            tables = connection.introspection.table_names(cursor)
        with connection.schema_editor() as editor:
            for model in (ContactRequest, BoardDecision):
                if model._meta.db_table not in tables:
                    editor.create_model(model)
        table = Table(title="Matching board, first page per region (ms)")
        for column in ("region", "pairs", "p50", "max"):
            table.add_column(column, justify="right")
        for region in Region.objects.order_by("pk"):
            times = []
            for n in range(4):
                started = time.perf_counter()
                pairs = board_pairs(region=region, migrations=migrations)
                if n:
                    times.append(time.perf_counter() - started)
            table.add_row(
                region.schema_name,
                f"{len(pairs)}",
                f"{statistics.median(times) * 1000:.0f}",
                f"{max(times) * 1000:.0f}",
            )
        console.print(table)
