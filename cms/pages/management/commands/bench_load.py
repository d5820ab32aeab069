"""``manage.py bench_load`` (``make bench``): the main pages under load.

Starts gunicorn with the production settings (DEBUG off, 2 workers, the Redis
cache in DB 5 under its own key prefix) on this database's demo content, and
loads each page with wrk (4 connections) twice:

- cold: the page cache off (``INSIST_PAGE_CACHE=false``), every request renders
  the page (template fragment caches as they are after the first request);
- warm: the page cache on, one request to fill it, then the load.

Then, with the page cache on and no other load, the first visitor after a
publish: ``--samples`` times, the region's generation is bumped in Redis (what a
publish does: every stored page, fragment and route of the region is then
unusable, in every worker) and the page is requested once.

Prints p50, p95, p99 and requests/s per page (docs/performance.md). Only keys
under its own prefix in Redis DB 5 are deleted; other databases are untouched.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cms.pages.cache import generation_key
from cms.pages.selectors import home_page
from tenants.context import in_region
from tenants.selectors import region_get, region_primary_domain

REDIS_DB = 5
KEY_PREFIX = "insist-bench"
# wrk's summary lacks p95: this script prints the percentiles we report.
WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("BENCH %f %f %f %f\\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1000000)))
  io.write(string.format("ERRORS %d %d\\n",
    summary.errors.status, summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout))
end
"""


class Command(BaseCommand):
    help = "Load test of the main pages against gunicorn (cold and warm page cache)."

    def add_arguments(self, parser):
        parser.add_argument("--region", default="dortmund")
        parser.add_argument("--duration", type=int, default=10, help="seconds/page")
        parser.add_argument("--connections", type=int, default=4)
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--port", type=int, default=8765)
        parser.add_argument(
            "--samples", type=int, default=20, help="first visits after a publish"
        )

    def handle(
        self, *args, region, duration, connections, workers, port, samples, **options
    ):
        if shutil.which("wrk") is None:
            raise CommandError("wrk is not installed (apt-get install -y wrk).")
        region = region_get(slug=region)
        host = region_primary_domain(region=region)
        pages = self._pages(region)
        base_env = self._env(port=port)
        self.stdout.write("collectstatic for the production settings ...")
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            env=base_env,
            check=True,
        )
        results = {}
        for phase, cache_on in (("cold", False), ("warm", True)):
            self._redis_forget()
            env = {**base_env, "INSIST_PAGE_CACHE": "true" if cache_on else "false"}
            server = self._serve(env=env, port=port, workers=workers)
            try:
                for label, url in pages:
                    status, state = self._get(port, host, url)
                    if status != 200:
                        raise CommandError(f"{url} answered {status}")
                    self.stdout.write(f"{phase} {label} {url} (page cache: {state})")
                    results[(phase, label)] = self._wrk(
                        port, host, url, duration, connections
                    )
                if cache_on:
                    for label, url in pages:
                        results[("published", label)] = self._after_publish(
                            port, host, url, region, samples
                        )
            finally:
                server.send_signal(signal.SIGTERM)
                server.wait(timeout=30)
        self._redis_forget()
        self._table(pages, results, connections, workers, host)

    # --- what is measured ---------------------------------------------------------
    def _pages(self, region) -> list[tuple[str, str]]:
        from cms.pages.models import (
            ClubIndexPage,
            ClubPortraitPage,
            EventIndexPage,
            EventPage,
        )

        with in_region(region):
            home = home_page(region=region, locale="de")
            directory = ClubIndexPage.objects.live().child_of(home).first()
            portrait = ClubPortraitPage.objects.live().descendant_of(home).first()
            term = portrait.fields_of_activity.first()
            events = EventIndexPage.objects.live().child_of(home).first()
            # An event without the registration form: a page with a CSRF token is
            # never cached (docs/performance.md), so it would measure the cold path.
            event = (
                EventPage.objects.live()
                .descendant_of(home)
                .exclude(registration=EventPage.Registration.FORM)
                .first()
            )
            return [
                ("home", home.url),
                ("directory", directory.url),
                ("directory, filtered", f"{directory.url}?feld={term.slug}"),
                ("portrait", portrait.url),
                ("events list", events.url),
                ("event", event.url),
            ]

    def _env(self, *, port) -> dict:
        static_root = Path(tempfile.gettempdir()) / "insist-bench-static"
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "insist.settings.production",
            "DJANGO_READ_DOT_ENV_FILE": "false",
            "DJANGO_SECRET_KEY": "bench-only-" + "x" * 50,
            "DJANGO_ALLOWED_HOSTS": "*",
            "DATABASE_URL": os.environ.get("DATABASE_URL")
            or settings.DATABASES["default"].get("URL", ""),
            "REDIS_URL": f"redis://127.0.0.1:6379/{REDIS_DB}",
            "INSIST_CACHE_PREFIX": KEY_PREFIX,
            "DJANGO_STATIC_ROOT": str(static_root),
            "DJANGO_LOG_LEVEL": "WARNING",
            "GUNICORN_BIND": f"127.0.0.1:{port}",
        }

    def _serve(self, *, env, port, workers):
        gunicorn = Path(sys.executable).with_name("gunicorn")
        server = subprocess.Popen(
            [
                str(gunicorn),
                "-c",
                "deploy/gunicorn.conf.py",
                "--workers",
                str(workers),
                "--access-logfile",
                "/dev/null",
            ],
            env={**env, "GUNICORN_WORKERS": str(workers)},
            stdout=subprocess.DEVNULL,
            stderr=open(Path(tempfile.gettempdir()) / "insist-bench-gunicorn.log", "a"),  # noqa: SIM115
        )
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
                return server
            except OSError:
                time.sleep(0.1)
        server.kill()
        raise CommandError("gunicorn did not answer /healthz within 30 s.")

    def _get(self, port, host, url) -> tuple[int, str]:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}{url}",
            headers={"Host": host, "X-Forwarded-Proto": "https"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            return response.status, response.headers.get("X-Page-Cache", "off")

    def _wrk(self, port, host, url, duration, connections) -> tuple:
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(WRK_SCRIPT)
        try:
            output = subprocess.run(
                [
                    "wrk",
                    f"-t{min(2, connections)}",
                    f"-c{connections}",
                    f"-d{duration}s",
                    "-H",
                    f"Host: {host}",
                    "-H",
                    "X-Forwarded-Proto: https",
                    "-s",
                    script.name,
                    f"http://127.0.0.1:{port}{url}",
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        finally:
            os.unlink(script.name)
        bench = next(line for line in output.splitlines() if line.startswith("BENCH"))
        errors = next(line for line in output.splitlines() if line.startswith("ERRORS"))
        p50, p95, p99, rps = (float(value) for value in bench.split()[1:])
        non_2xx, socket_errors = (int(value) for value in errors.split()[1:])
        return p50, p95, p99, rps, non_2xx + socket_errors

    def _after_publish(self, port, host, url, region, samples) -> tuple:
        """The first request after a publish, ``samples`` times: the region's
        generation bumped as ``cms.pages.cache.region_changed`` bumps it."""
        import redis

        client = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB)
        # django-tenants' key function: "<schema>:<prefix>:<version>:<key>".
        key = f"{region.schema_name}:{KEY_PREFIX}:1:{generation_key('region')}"
        times = []
        for _ in range(samples):
            client.incr(key)
            started = time.perf_counter()
            status, state = self._get(port, host, url)
            times.append((time.perf_counter() - started) * 1000)
            if status != 200 or state != "miss":
                raise CommandError(f"{url} after a publish: {status}, cache {state}")
        times.sort()

        def percentile(share):
            return times[min(len(times) - 1, round(share * (len(times) - 1)))]

        return percentile(0.5), percentile(0.95), percentile(0.99)

    def _redis_forget(self) -> None:
        import redis

        client = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB)
        keys = list(client.scan_iter(match=f"*:{KEY_PREFIX}:*", count=1000))
        if keys:
            client.delete(*keys)

    def _table(self, pages, results, connections, workers, host) -> None:
        self.stdout.write(
            f"\n{host}: gunicorn {workers} workers, production settings, Redis; "
            f"wrk {connections} connections\n"
        )
        header = (
            "| page | cold p50 | cold p95 | cold p99 | cold req/s "
            "| warm p50 | warm p95 | warm p99 | warm req/s | errors |"
        )
        self.stdout.write(header)
        self.stdout.write("|" + " --- |" * 10)
        for label, _url in pages:
            cold = results[("cold", label)]
            warm = results[("warm", label)]
            self.stdout.write(
                f"| {label} | {cold[0]:.1f} ms | {cold[1]:.1f} ms | {cold[2]:.1f} ms "
                f"| {cold[3]:.0f} | {warm[0]:.1f} ms | {warm[1]:.1f} ms "
                f"| {warm[2]:.1f} ms | {warm[3]:.0f} | {cold[4] + warm[4]} |"
            )
        self.stdout.write(
            "\nFirst request after a publish (region generation bumped: page, "
            "fragments and route rendered anew), one at a time:\n"
        )
        self.stdout.write("| page | p50 | p95 | max |")
        self.stdout.write("|" + " --- |" * 4)
        for label, _url in pages:
            p50, p95, top = results[("published", label)]
            self.stdout.write(
                f"| {label} | {p50:.1f} ms | {p95:.1f} ms | {top:.1f} ms |"
            )
