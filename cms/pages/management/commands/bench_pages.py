"""``manage.py bench_pages``: SQL queries and server time of the main pages.

Renders each page through the test client on the region's host (no network),
warms up once, then reports the median and worst of ``--runs`` renderings. The
page cache is off (every request renders the page: a hit would measure the cache,
``bench_load`` does that); fragments and routes are cached as in production. The
``SET search_path`` statements django-tenants issues are counted separately.
"""

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from cms.pages.selectors import home_page
from tenants.context import in_public, in_region
from tenants.selectors import region_list, region_primary_domain


class Command(BaseCommand):
    help = "Query counts and server times of home page, a portrait and the directory."

    def add_arguments(self, parser):
        parser.add_argument("--runs", type=int, default=20)

    def handle(self, *args, runs, **options):
        with override_settings(INSIST_PAGE_CACHE=False):
            self._run(runs)

    def _run(self, runs):
        from cms.pages.models import ClubIndexPage, ClubPortraitPage

        header = f"{'region':<10} {'page':<22} {'queries':>7} {'+SET':>5} "
        header += f"{'median ms':>10} {'max ms':>8}"
        self.stdout.write(header)
        self.stdout.write("-" * len(header))
        for region in region_list().order_by("schema_name"):
            slug = region.slug
            with in_region(region):
                home = home_page(region=region, locale="de")
                directory = ClubIndexPage.objects.live().first()
                portrait = ClubPortraitPage.objects.live().order_by("pk").first()
                term = portrait.fields_of_activity.first() if portrait else None
                urls = [("home", home.url)]
                if directory:
                    urls.append(("directory", directory.url))
                    urls.append(("directory page 2", directory.url + "?seite=2"))
                    if term:
                        urls.append(
                            ("directory filtered", f"{directory.url}?feld={term.slug}")
                        )
                if portrait:
                    urls.append(("portrait", portrait.url))
                # The same pages in Arabic (aliases or translations), the sitemap.
                arabic = Locale.objects.filter(language_code="ar").first()
                for label, page in (
                    ("home", home),
                    ("directory", directory),
                    ("portrait", portrait),
                ):
                    translated = (
                        page.get_translation_or_none(arabic)
                        if page and arabic
                        else None
                    )
                    if translated is not None:
                        urls.append((f"{label} (ar)", translated.url))
                urls.append(("sitemap.xml", "/sitemap.xml"))
            client = Client(HTTP_HOST=region_primary_domain(region=region))
            # The tenant middleware switches the connection to the host's region
            # and leaves it there: in_public() brings the command back each time.
            with in_public():
                for label, url in urls:
                    self._bench(client, slug, label, url, runs)

    def _bench(self, client, slug, label, url, runs):
        client.get(url, secure=True)  # warm-up: site root paths, locales
        times, queries, sets = [], 0, 0
        for _ in range(runs):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.get(url, secure=True)
                times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
            sqls = [q["sql"] for q in captured.captured_queries]
            sets = sum(1 for sql in sqls if sql.startswith("SET search_path"))
            queries = len(sqls) - sets
        self.stdout.write(
            f"{slug:<10} {label:<22} {queries:>7} {sets:>5} "
            f"{statistics.median(times):>10.1f} {max(times):>8.1f}"
        )
