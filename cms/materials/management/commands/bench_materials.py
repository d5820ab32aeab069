"""``manage.py bench_materials``: SQL queries and server time of the library.

Renders the library pages, a search, a detail page, a download and the API on
every host through the test client (no network), after one warm-up, and prints
the median and worst of ``--runs``. django-tenants' ``SET search_path``
statements are counted separately. Run it on the demo (``make demo`` first).
"""

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cms.materials.models import Material
from cms.materials.selectors import material_list_visible
from tenants.selectors import region_list, region_primary_domain


class Command(BaseCommand):
    help = "Query counts and server times of the materials library on every host."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20)

    def handle(self, *args, runs, **options):
        header = f"{'host':<20} {'what':<18} {'queries':>7} {'+SET':>5} "
        header += f"{'median ms':>10} {'max ms':>8}"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        public = material_list_visible(region=None).order_by("pk").first()
        hosts = ["localhost"] + [
            region_primary_domain(region=region)
            for region in region_list().order_by("schema_name")
        ]
        for host in hosts:
            urls = [
                ("library", "/materialien/"),
                ("search", "/materialien/?q=Konflikte"),
                ("filter", "/materialien/?thema=conflicts&format=method-card"),
                ("api", "/api/materials"),
            ]
            if public is not None:
                material_file = public.files.first()
                urls.append(("detail", f"/materialien/{public.pk}-{public.slug}/"))
                if material_file is not None:
                    urls.append(
                        (
                            "download",
                            f"/downloads/materialien/{public.pk}/{material_file.pk}/",
                        )
                    )
            client = Client(HTTP_HOST=host)
            for label, url in urls:
                self._bench(client, host, label, url, runs)
        self.stdout.write(
            f"\n{Material.objects.count()} materials; "
            "downloads during the run were counted like any other."
        )

    def _bench(self, client, host, label, url, runs):
        client.get(url)  # warm-up: site root paths, locales
        times, queries, sets, status = [], 0, 0, 0
        for _ in range(runs):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url)
                if response.streaming:
                    b"".join(response.streaming_content)
                times.append((time.perf_counter() - started) * 1000)
            status = response.status_code
            sets = sum("SET search_path" in q["sql"] for q in captured.captured_queries)
            queries = len(captured.captured_queries) - sets
        self.stdout.write(
            f"{host:<20} {label:<18} {queries:>7} {sets:>5} "
            f"{statistics.median(times):>10.1f} {max(times):>8.1f}"
            + ("" if status == 200 else f"  (status {status})")
        )
