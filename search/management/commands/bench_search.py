"""``manage.py bench_search``: the search's speed at 10,000 and 100,000 portraits.

Works in its own database (``<DATABASE NAME>_searchbench`` on the same server,
created when missing; the demo data is never touched). For each size it loads
synthetic portraits (``search.bench``) straight into the index table, then
times 20+ fixed queries through ``search.selectors.search`` (count, facets and
snippets included) against the baseline a Wagtail developer would write: the
SQL of Wagtail's database search backend (``title || body`` tsvectors in the
server's default configuration, ranked with ``ts_rank`` and counted) run in each
region's schema and merged. Prints a table; docs/search.md keeps the figures.
"""

import statistics
import time
import uuid

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from cms.taxonomy import vocabulary as defaults
from search.bench import CITIES, portraits, vector_texts
from search.documents import CONFIGS, IndexRow, content_language_key, sample_key
from search.models import SearchDocument, SearchOutbox, SearchWord, facet_key
from search.selectors import SearchQuery, search
from search.services import rows_write
from search.text import index_words

QUERIES = [
    ("Verein", {}, "common word"),
    ("Kinder", {}, "common word"),
    ("Jugendliche", {}, "common word"),
    ("Kultur", {}, "common word"),
    ("Beratung Schule", {}, "two words"),
    ("Kalligrafie", {}, "rare word"),
    ("Bienenzucht", {}, "rare word"),
    ("Capoeira", {}, "rare word"),
    ('"bei den Hausaufgaben"', {}, "phrase"),
    ('"Lieder aus vielen Ländern"', {}, "phrase"),
    ("Düsseldorf", {}, "umlaut"),
    ("Duesseldorf", {}, "umlaut written out"),
    ("Strasse", {}, "ß written out"),
    ("Maedchen", {}, "umlaut written out"),
    ("Hausaufgabenhilfr", {}, "typo"),
    ("Kalligrafi", {}, "typo"),
    ("Jugendfußball", {}, "compound"),
    ("Fußball", {}, "compound head"),
    ("Fußball", {"region": [2]}, "facet: region"),
    ("Kinder", {"activity": ["sport"], "target_group": ["children"]}, "2 facets"),
    ("", {"activity": ["music"]}, "no words, facet"),
    ("Beratung", {"language": ["ar"]}, "facet: language"),
    ("Verein", {"region": [3]}, "common + region"),
]


def _vocab() -> dict:
    """Synthetic ids for the whole default taxonomy (and each city's districts)."""
    vocab = {
        "activity": {
            slug: i
            for i, (slug, _n, _p) in enumerate(defaults.FIELDS_OF_ACTIVITY, start=1)
        },
        "target_group": {
            slug: i for i, (slug, _n) in enumerate(defaults.TARGET_GROUPS, start=1)
        },
        "language": {
            code: i
            for i, (code, _nat, _n) in enumerate(defaults.CLUB_LANGUAGES, start=1)
        },
        "organisation_type": {
            slug: i for i, (slug, _n) in enumerate(defaults.ORGANISATION_KINDS, start=1)
        },
        "migration": {
            slug: i
            for i, (slug, _n, _d) in enumerate(defaults.MIGRATION_REFERENCES, start=1)
        },
    }
    vocab["district"] = {}
    for region_id, (_city, districts) in CITIES.items():
        for name in districts:
            vocab["district"][(region_id, name)] = len(vocab["district"]) + 1
    return vocab


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f}"


class Command(BaseCommand):
    help = "Benchmark the cross-region search at 10,000 and 100,000 portraits."

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="10000,100000")
        parser.add_argument("--runs", type=int, default=7)
        parser.add_argument("--baseline-runs", type=int, default=2)

    def handle(self, *args, sizes, runs, baseline_runs, **options):
        console = Console(file=self.stdout, width=120)
        name = f"{settings.DATABASES['default']['NAME']}_searchbench"
        self._database_ensure(name)
        connection.close()
        connection.settings_dict["NAME"] = name
        self._schema_ensure()
        vocab = _vocab()
        summary = []
        for size in [int(s) for s in sizes.split(",")]:
            load = self._load(size, vocab, console)
            baseline_load = self._baseline_load()
            table, figures = self._run(size, vocab, runs, baseline_runs, console)
            figures["load"], figures["baseline_load"] = load, baseline_load
            figures["publish"] = self._publish_time(vocab)
            console.print(table)
            summary.append((size, figures))
        self._summary(summary, console)

    # --- setup ---------------------------------------------------------------

    def _database_ensure(self, name: str) -> None:
        params = dict(connection.get_connection_params())
        params.pop("cursor_factory", None)
        params.pop("context", None)
        params["dbname"] = "postgres"
        with psycopg.connect(**params, autocommit=True) as admin:
            exists = admin.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [name]
            ).fetchone()
            if not exists:
                admin.execute(f'CREATE DATABASE "{name}"')

    def _schema_ensure(self) -> None:
        from importlib import import_module

        from tenants.models import Region

        migration = import_module("search.migrations.0001_search_index")
        with connection.cursor() as cursor:
            cursor.execute(migration.EXTENSIONS)
            cursor.execute(migration.CONFIG_SQL)
            tables = connection.introspection.table_names(cursor)
        with connection.schema_editor() as editor:
            for model in (Region, SearchDocument, SearchWord, SearchOutbox):
                if model._meta.db_table not in tables:
                    editor.create_model(model)
        with connection.cursor() as cursor:
            # a bench database made by an older version of the table
            cursor.execute(
                "ALTER TABLE search_searchdocument "
                "ADD COLUMN IF NOT EXISTS title_vector tsvector"
            )
            for region_id, (city, _d) in CITIES.items():
                cursor.execute(
                    "INSERT INTO tenants_region (id, schema_name, name, created_on) "
                    "VALUES (%s, %s, %s, now()) ON CONFLICT DO NOTHING",
                    [region_id, f"bench_{city.lower()}", city],
                )
                cursor.execute(f"CREATE SCHEMA IF NOT EXISTS bench_{city.lower()}")

    # --- loading ---------------------------------------------------------------

    def _load(self, size: int, vocab: dict, console) -> float:
        """Generate and load ``size`` rows; returns the seconds of a full rebuild
        (vectors computed in SQL, words, GIN indexes built)."""
        names = {}
        for facet in ("activity", "target_group"):
            source = (
                defaults.FIELDS_OF_ACTIVITY
                if facet == "activity"
                else defaults.TARGET_GROUPS
            )
            for row in source:
                names[facet_key(facet, vocab[facet][row[0]])] = row[1][0]
        started = time.monotonic()
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE search_searchdocument, search_searchword")
            cursor.execute("DROP TABLE IF EXISTS bench_stage")
            cursor.execute(
                "CREATE UNLOGGED TABLE bench_stage (region_id int, page_id int, "
                "translation_key uuid, title text, summary text, body text, "
                "facet_keys int[], a text, b text, c text, d text)"
            )
            words: set[str] = set()
            with Progress(console=console, transient=True) as progress:
                task = progress.add_task(f"generating {size:,} portraits", total=size)
                with cursor.copy("COPY bench_stage FROM STDIN") as copy:
                    for item in portraits(count=size, vocab=vocab):
                        keys = [
                            facet_key("region", item["region_id"]),
                            content_language_key("de"),
                            sample_key(
                                region_id=item["region_id"], page_id=item["page_id"]
                            ),
                        ]
                        for facet, ids in item["terms"].items():
                            keys.extend(facet_key(facet, pk) for pk in ids)
                        term_text = " ".join(names.get(k, "") for k in keys)
                        a, b, c, d = vector_texts(
                            title=item["title"],
                            summary=item["summary"],
                            body=item["body"],
                            term_text=term_text,
                        )
                        if item["page_id"] % 10 == 0:
                            words |= index_words(f"{item['title']} {item['body']}")
                        copy.write_row(
                            (
                                item["region_id"],
                                item["page_id"],
                                uuid.uuid5(uuid.NAMESPACE_OID, str(item["page_id"])),
                                item["title"],
                                item["summary"],
                                item["body"],
                                sorted(set(keys)),
                                a,
                                b,
                                c,
                                d,
                            )
                        )
                        progress.advance(task)
            cursor.execute(
                "DROP INDEX IF EXISTS search_doc_vector, search_doc_head_vector, "
                "search_doc_title_vector, search_doc_facets"
            )
            cfg = CONFIGS["de"]
            cursor.execute(
                f"""
                INSERT INTO search_searchdocument (region_id, page_id, language,
                  translation_key, title, title_sort, slug, path, summary, body,
                  facet_keys, config, title_vector, head_vector, vector, indexed_at)
                SELECT region_id, page_id, 'de', translation_key, title, lower(title),
                  'verein-' || page_id, '/vereine/verein-' || page_id || '/', summary,
                  body, facet_keys, '{cfg}', setweight(to_tsvector('{cfg}', a), 'A'),
                  head, head
                    || setweight(to_tsvector('{cfg}', c), 'C')
                    || setweight(to_tsvector('{cfg}', d), 'D'), now()
                FROM bench_stage, LATERAL (SELECT
                  setweight(to_tsvector('{cfg}', a), 'A')
                  || setweight(to_tsvector('{cfg}', b), 'B') AS head) h
                """
            )
            cursor.execute(
                "INSERT INTO search_searchword (word) SELECT unnest(%s::varchar[]) "
                "ON CONFLICT DO NOTHING",
                [sorted(words)],
            )
            cursor.execute(
                "CREATE INDEX search_doc_vector ON search_searchdocument "
                "USING gin (vector)"
            )
            cursor.execute(
                "CREATE INDEX search_doc_head_vector ON search_searchdocument "
                "USING gin (head_vector)"
            )
            cursor.execute(
                "CREATE INDEX search_doc_facets ON search_searchdocument "
                "USING gin (facet_keys)"
            )
            cursor.execute(
                "CREATE INDEX search_doc_title_vector ON search_searchdocument "
                "USING gin (title_vector)"
            )
            cursor.execute("DROP TABLE bench_stage")
            cursor.execute("VACUUM ANALYZE search_searchdocument")
        return time.monotonic() - started

    def _baseline_load(self) -> float:
        """Wagtail's database backend's index: one table per region schema."""
        started = time.monotonic()
        with connection.cursor() as cursor:
            # a bench database made by an older version of the table
            cursor.execute(
                "ALTER TABLE search_searchdocument "
                "ADD COLUMN IF NOT EXISTS title_vector tsvector"
            )
            for region_id, (city, _d) in CITIES.items():
                schema = f"bench_{city.lower()}"
                cursor.execute(
                    f"DROP TABLE IF EXISTS {schema}.wagtailsearch_indexentry"
                )
                cursor.execute(
                    f"CREATE TABLE {schema}.wagtailsearch_indexentry AS "
                    "SELECT page_id AS object_id, to_tsvector(title) AS title, "
                    "to_tsvector(summary || ' ' || body) AS body "
                    "FROM search_searchdocument WHERE region_id = %s",
                    [region_id],
                )
                for column in ("title", "body"):
                    cursor.execute(
                        f"CREATE INDEX ON {schema}.wagtailsearch_indexentry "
                        f"USING gin ({column})"
                    )
                cursor.execute(f"ANALYZE {schema}.wagtailsearch_indexentry")
        return time.monotonic() - started

    # --- timing ----------------------------------------------------------------

    def _query(self, vocab, text, slugs) -> SearchQuery:
        filters = {}
        for facet, values in slugs.items():
            if facet == "region":
                filters["region"] = values
            else:
                filters[facet] = [vocab[facet][v] for v in values]
        return SearchQuery(text=text, filters=filters)

    def _baseline(self, text: str) -> tuple[int, list]:
        """Wagtail's database backend, per region schema, merged: rank and count."""
        merged, total = [], 0
        with connection.cursor() as cursor:
            for _region_id, (city, _d) in CITIES.items():
                schema = f"bench_{city.lower()}"
                cursor.execute(
                    f"SELECT e.object_id, ts_rank(e.title || e.body, q) AS rank "
                    f"FROM {schema}.wagtailsearch_indexentry e, "
                    "websearch_to_tsquery(%s) q WHERE (e.title || e.body) @@ q "
                    "ORDER BY rank DESC LIMIT 20",
                    [text],
                )
                merged += cursor.fetchall()
                cursor.execute(
                    f"SELECT count(*) FROM {schema}.wagtailsearch_indexentry e, "
                    "websearch_to_tsquery(%s) q WHERE (e.title || e.body) @@ q",
                    [text],
                )
                total += cursor.fetchone()[0]
        merged.sort(key=lambda r: -r[1])
        return total, merged[:20]

    def _run(self, size, vocab, runs, baseline_runs, console):
        table = Table(title=f"{size:,} portraits (ms; ours: count, facets, snippets)")
        for column in ("query", "kind", "count", "p50", "p95", "baseline p50"):
            table.add_column(
                column, justify="left" if column in ("query", "kind") else "right"
            )
        ours_all, base_all = [], []
        measured = []
        # All of ours first, then the baseline: its sequential scans would push
        # our pages out of the shared buffers between runs.
        for text, slugs, kind in QUERIES:
            query = self._query(vocab, text, slugs)
            search(query)  # warm
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                result = search(query)
                times.append(time.perf_counter() - started)
            ours_all += times
            measured.append((text, slugs, kind, result, times))
        for text, slugs, kind, result, times in measured:
            base_times = []
            if text and baseline_runs:
                self._baseline(text)
                for _ in range(baseline_runs):
                    started = time.perf_counter()
                    self._baseline(text)
                    base_times.append(time.perf_counter() - started)
                base_all += base_times
            count = f"{'' if result.count_exact else '≈'}{result.count:,}"
            if result.corrected:
                count += f" ({result.corrected})"
            label = text or "(none)"
            if slugs:
                label += " + " + ", ".join(f"{k}={v[0]}" for k, v in slugs.items())
            table.add_row(
                label,
                kind,
                count,
                _ms(statistics.median(times)),
                _ms(_p95(times)),
                _ms(statistics.median(base_times)) if base_times else "n/a",
            )
        figures = {
            "p50": statistics.median(ours_all),
            "p95": _p95(ours_all),
            "base_p50": statistics.median(base_all) if base_all else 0,
            "base_p95": _p95(base_all) if base_all else 0,
        }
        return table, figures

    def _publish_time(self, vocab) -> float:
        """Seconds one publish spends writing its index row (and words)."""
        item = next(portraits(count=1, vocab=vocab, seed=99))
        a, b, c, d = vector_texts(
            title=item["title"],
            summary=item["summary"],
            body=item["body"],
            term_text="",
        )
        times = []
        for n in range(20):
            row = IndexRow(
                region_id=1,
                page_id=10_000_000 + n,
                language="de",
                translation_key=str(uuid.uuid4()),
                title=item["title"],
                slug="bench",
                path="/bench/",
                summary=item["summary"],
                body=item["body"],
                facet_keys=[facet_key("region", 1), content_language_key("de")],
                config=CONFIGS["de"],
                text_a=a,
                text_b=b,
                text_c=c,
                text_d=d,
            )
            started = time.perf_counter()
            rows_write(rows=[row])
            times.append(time.perf_counter() - started)
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM search_searchdocument WHERE page_id >= 10000000"
            )
        return statistics.median(times)

    def _summary(self, summary, console):
        table = Table(title="Summary (p50 / p95 over all queries and runs)")
        for column in (
            "portraits",
            "ours p50",
            "ours p95",
            "baseline p50",
            "baseline p95",
            "p95 ratio",
            "rebuild",
            "baseline index",
            "publish indexing",
        ):
            table.add_column(column, justify="right")
        for size, f in summary:
            ratio = f["base_p95"] / f["p95"] if f["p95"] else 0
            table.add_row(
                f"{size:,}",
                f"{_ms(f['p50'])} ms",
                f"{_ms(f['p95'])} ms",
                f"{_ms(f['base_p50'])} ms",
                f"{_ms(f['base_p95'])} ms",
                f"{ratio:,.0f}x",
                f"{f['load']:.1f} s",
                f"{f['baseline_load']:.1f} s",
                f"{_ms(f['publish'])} ms",
            )
        console.print(table)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
