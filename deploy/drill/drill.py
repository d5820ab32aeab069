# ruff: noqa: E501  (a script that prints wide Markdown tables)
"""The drill: the cluster of deploy/README.md on loopback, under faults.

Run it with ``make drill`` (as root, on a Debian machine with PostgreSQL 15's
server binaries; nginx, pgbouncer and redis-server are installed when missing).
Everything it starts is its own and is stopped at the end, also on Ctrl-C:

- a throwaway PostgreSQL 15 cluster (initdb in a temporary folder, port 55432;
  the machine's own server on 5432 is not touched),
- PgBouncer in session pooling mode in front of it (56432),
- its own redis-server (56379; the machine's 6379 is not touched),
- two gunicorn app servers with ``insist.settings.production`` (58001, 58002),
- nginx as load balancer with deploy/nginx/site.conf (HTTPS on 58443, a
  self-signed certificate),
- the task worker (``manage.py db_worker``).

The soak: reader threads request the portal and the three regions' home pages
through nginx and check every answer for its region's marker (the home page's
``<h1>`` with the region's name; the portal's region list); a writer registers
for each region's event through its form. During the soak, in turn: one app
server stops (and comes back), Redis restarts, PostgreSQL restarts, and the
worker stops while visitors register and an editor publishes (the tasks queue
up and must all run, each in its region, once the worker is back).

At the end it counts requests, 5xx answers (during each fault and after
recovery), region mismatches, lost writes (registrations answered with success
but missing in the database) and the time to recover after each fault; it backs
up one region, restores it into a fresh database and compares it page by page.
The last line reads::

    drill: <requests> requests, <n> 5xx after recovery, <n> region mismatches, <n> lost writes

Exit status 0 when those three are 0 and the restore matched.
"""

import argparse
import http.client
import json
import os
import random
import re
import shutil
import signal
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import nginx_conf  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")
PG_BIN = Path("/usr/lib/postgresql/15/bin")
PORT = {
    "pg": 55432,
    "pgbouncer": 56432,
    "redis": 56379,
    "app1": 58001,
    "app2": 58002,
    "https": 58443,
    "http": 58080,
    "smtp": 58025,
}
DATABASE = "insist_drill"
FRESH_DATABASE = "insist_drill_restore"
REGIONS = {
    "dortmund": "Dortmund",
    "potsdam": "Potsdam und Brandenburger Umland",
    "halle": "Halle (Saale) und Umland",
}
RECOVERY_TARGET_S = 10.0


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- The cluster ---------------------------------------------------------------


class MailSink:
    """An SMTP server that accepts every message and keeps the recipients: the
    registrations' confirmation mails (production sends them by SMTP)."""

    def __init__(self, port: int):
        import socketserver

        sink = self
        self.recipients: list[str] = []
        self.lock = threading.Lock()

        class Session(socketserver.StreamRequestHandler):
            def reply(self, line: str) -> None:
                self.wfile.write(line.encode() + b"\r\n")

            def handle(self):
                self.reply("220 drill sink")
                recipients, in_data = [], False
                for raw in self.rfile:
                    line = raw.decode(errors="replace").rstrip("\r\n")
                    if in_data:
                        if line == ".":
                            in_data = False
                            with sink.lock:
                                sink.recipients.extend(recipients)
                            recipients = []
                            self.reply("250 queued")
                        continue
                    verb = line[:4].upper()
                    if verb == "EHLO":
                        self.reply("250 drill sink")
                    elif verb == "RCPT":
                        recipients.append(line.split(":", 1)[1].strip(" <>"))
                        self.reply("250 ok")
                    elif verb == "DATA":
                        in_data = True
                        self.reply("354 end with .")
                    elif verb == "QUIT":
                        self.reply("221 bye")
                        return
                    else:  # HELO, MAIL, RSET, NOOP
                        self.reply("250 ok")

        socketserver.ThreadingTCPServer.allow_reuse_address = True
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", port), Session)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class Cluster:
    """Starts, stops and finally tears down every process of the drill."""

    def __init__(self, workdir: Path):
        self.dir = workdir
        self.procs: dict[str, subprocess.Popen] = {}
        self.pgdata = workdir / "pg"
        self.static = workdir / "static"
        self.media = workdir / "media"
        self.logs = workdir / "logs"
        self.logs.mkdir()
        self.postgres_running = False

    # environment of every Django process
    def env(self, *, database_port: int | None = None, database: str = DATABASE):
        port = database_port or PORT["pgbouncer"]
        env = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(("DJANGO_", "GUNICORN_", "INSIST_", "REDIS_"))
        }
        env.update(
            DJANGO_SETTINGS_MODULE="insist.settings.production",
            DJANGO_SECRET_KEY="drill-" + "k" * 60,
            DJANGO_ALLOWED_HOSTS="localhost,.localhost",
            DJANGO_READ_DOT_ENV_FILE="false",
            DJANGO_STATIC_ROOT=str(self.static),
            DJANGO_MEDIA_ROOT=str(self.media),
            DJANGO_LOG_LEVEL="WARNING",
            DJANGO_CONN_MAX_AGE="60",
            DATABASE_URL=f"postgres://postgres@127.0.0.1:{port}/{database}",
            REDIS_URL=f"redis://127.0.0.1:{PORT['redis']}/0",
            INSIST_PLATFORM_DOMAIN="localhost",
            # The registrations' confirmation mails go to the drill's sink.
            DJANGO_EMAIL_HOST="127.0.0.1",
            DJANGO_EMAIL_PORT=str(PORT["smtp"]),
            GUNICORN_FORWARDED_ALLOW_IPS="127.0.0.1",
            GUNICORN_WORKERS="2",
            GUNICORN_TIMEOUT="20",
        )
        return env

    def start(self, name: str, args: list[str], **kwargs) -> None:
        out = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115
        self.procs[name] = subprocess.Popen(
            args, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, **kwargs
        )

    def stop(self, name: str, *, timeout: float = 20) -> None:
        proc = self.procs.pop(name, None)
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)

    def manage(self, *args: str, env=None, check=True, **kwargs):
        result = subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=env or self.env(database_port=PORT["pg"]),
            capture_output=True,
            text=True,
            **kwargs,
        )
        if check and result.returncode != 0:
            raise RuntimeError(
                f"manage.py {args[0]} failed:\n{result.stdout[-3000:]}"
                f"\n{result.stderr[-3000:]}"
            )
        return result

    # PostgreSQL 15, as the postgres system user (initdb refuses root)
    def as_postgres(self, *args: str, check=True):
        return subprocess.run(
            ["runuser", "-u", "postgres", "--", *args],
            check=check,
            capture_output=True,
            text=True,
        )

    def postgres_init(self) -> None:
        self.pgdata.mkdir()
        shutil.chown(self.pgdata, "postgres", "postgres")
        self.as_postgres(
            str(PG_BIN / "initdb"), "-D", str(self.pgdata), "-U", "postgres",
            "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8",
        )  # fmt: skip

    def postgres_start(self) -> None:
        options = (
            f"-p {PORT['pg']} -k {self.pgdata} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c max_connections=120"
        )
        self.as_postgres(
            str(PG_BIN / "pg_ctl"), "-D", str(self.pgdata), "-o", options,
            "-l", str(self.pgdata / "server.log"), "-w", "start",
        )  # fmt: skip
        self.postgres_running = True

    def postgres_stop(self) -> None:
        self.as_postgres(
            str(PG_BIN / "pg_ctl"), "-D", str(self.pgdata), "-m", "fast", "-w", "stop",
            check=False,
        )  # fmt: skip
        self.postgres_running = False

    def psql(self, sql: str, *, database: str = "postgres") -> str:
        return subprocess.run(
            [str(PG_BIN / "psql"), "-h", "127.0.0.1", "-p", str(PORT["pg"]),
             "-U", "postgres", "-d", database, "-Atqc", sql],
            check=True, capture_output=True, text=True,
        ).stdout.strip()  # fmt: skip

    def pgbouncer_start(self) -> None:
        ini = self.dir / "pgbouncer.ini"
        (self.dir / "userlist.txt").write_text('"postgres" ""\n')
        ini.write_text(
            f"""[databases]
* = host=127.0.0.1 port={PORT["pg"]}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = {PORT["pgbouncer"]}
unix_socket_dir =
auth_type = trust
auth_file = {self.dir}/userlist.txt
; session pooling: transaction pooling mixes region schemas (docs/traps.md, trap 7)
pool_mode = session
default_pool_size = 40
max_client_conn = 200
server_reset_query = DISCARD ALL
server_check_delay = 1
; after a PostgreSQL restart, try logging in again after 1 s (default 15 s)
server_login_retry = 1
"""
        )
        for path in (ini, self.dir / "userlist.txt"):
            shutil.chown(path, "postgres", "postgres")
        self.start(
            "pgbouncer", ["runuser", "-u", "postgres", "--", "pgbouncer", str(ini)]
        )
        wait_port(PORT["pgbouncer"])

    def redis_start(self) -> None:
        self.start(
            "redis",
            ["redis-server", "--port", str(PORT["redis"]), "--bind", "127.0.0.1",
             "--save", "", "--appendonly", "no"],
        )  # fmt: skip
        wait_port(PORT["redis"])

    def app_start(self, name: str) -> None:
        self.start(
            name,
            [PYTHON, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py",
             "--bind", f"127.0.0.1:{PORT[name]}",
             # two app servers on one host: one control socket each
             "--control-socket", str(self.dir / f"{name}.ctl")],
            cwd=ROOT, env=self.env(),
        )  # fmt: skip

    def worker_start(self) -> None:
        self.start(
            "worker",
            [PYTHON, "manage.py", "db_worker", "--interval", "0.5",
             "--no-startup-delay", "--no-reload", "-v", "1"],
            cwd=ROOT, env=self.env(),
        )  # fmt: skip

    def nginx_start(self) -> None:
        prefix = self.dir / "nginx"
        conf = nginx_conf.write_config(
            prefix,
            app_root=ROOT,
            static_root=self.static,
            upstreams=[f"127.0.0.1:{PORT['app1']}", f"127.0.0.1:{PORT['app2']}"],
            https_listen=f"127.0.0.1:{PORT['https']}",
            http_listen=f"127.0.0.1:{PORT['http']}",
            server_names="localhost .localhost",
        )
        for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (prefix / sub).mkdir(exist_ok=True)
            os.chmod(prefix / sub, 0o777)
        self.start(
            "nginx", ["nginx", "-p", str(prefix), "-c", str(conf), "-g", "daemon off;"]
        )
        wait_port(PORT["https"])

    def teardown(self) -> None:
        for name in list(self.procs)[::-1]:
            self.stop(name, timeout=10)
        if self.postgres_running:
            self.postgres_stop()


def wait_port(port: int, *, timeout: float = 60) -> float:
    import socket

    started = time.monotonic()
    while time.monotonic() - started < timeout:
        with socket.socket() as sock:
            sock.settimeout(0.5)
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return time.monotonic() - started
        time.sleep(0.1)
    raise RuntimeError(f"nothing answers on port {port} after {timeout} s")


def wait_healthy(port: int, *, timeout: float = 60) -> None:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=3)
            conn.request("GET", "/healthz", headers={"Host": "localhost"})
            if conn.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"app server on {port} is not healthy after {timeout} s")


# --- Load -------------------------------------------------------------------


@dataclass
class Result:
    # when the answer (or the failure) came: a request that started before a
    # fault and failed because of it belongs to that fault
    t: float
    target: str
    status: int  # 0: no answer at all
    mismatch: bool = False


@dataclass
class Load:
    started: float = field(default_factory=time.monotonic)
    results: list[Result] = field(default_factory=list)
    acknowledged: dict[str, set[str]] = field(default_factory=dict)
    write_failures: int = 0
    stop: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def now(self) -> float:
        return time.monotonic() - self.started

    def record(self, result: Result) -> None:
        with self.lock:
            self.results.append(result)


def _context() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def host(target: str) -> str:
    name = "localhost" if target == "portal" else f"{target}.localhost"
    return f"{name}:{PORT['https']}"


def marker_ok(target: str, body: str) -> bool:
    if target == "portal":
        return 'class="region-list"' in body and "<h1>" + REGIONS["halle"] not in body
    expected = f"<h1>{REGIONS[target]}</h1>"
    others = [f"<h1>{name}</h1>" for slug, name in REGIONS.items() if slug != target]
    return expected in body and not any(other in body for other in others)


def reader(load: Load) -> None:
    context = _context()
    conn = None
    targets = ["portal", *REGIONS]
    while not load.stop.is_set():
        target = random.choice(targets)
        try:
            if conn is None:
                conn = http.client.HTTPSConnection(
                    "127.0.0.1", PORT["https"], context=context, timeout=15
                )
            conn.request("GET", "/", headers={"Host": host(target)})
            response = conn.getresponse()
            body = response.read().decode("utf-8", errors="replace")
            status = response.status
            mismatch = status == 200 and not marker_ok(target, body)
            load.record(Result(load.now(), target, status, mismatch))
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
                conn = None
        except (OSError, http.client.HTTPException):
            load.record(Result(load.now(), target, 0))
            if conn is not None:
                conn.close()
            conn = None
            time.sleep(0.05)


INPUT = re.compile(r"<input\b[^>]*>", re.IGNORECASE)
ATTR = re.compile(r'(\w[\w-]*)="([^"]*)"')


# cms.pages.forms.EventRegistrationForm.HONEYPOT: a form that fills it in is
# answered as a person would be, and nothing is stored.
HONEYPOT = "contact_me_by_fax"


def _form_fields(html: str, email: str) -> dict[str, str] | None:
    form = re.search(r'<form[^>]*method="post"[^>]*>(.*?)</form>', html, re.S | re.I)
    if not form:
        return None
    fields = {}
    for tag in INPUT.findall(form.group(1)):
        attrs = dict(ATTR.findall(tag))
        name, kind = attrs.get("name"), attrs.get("type", "text").lower()
        if not name:
            continue
        if name == HONEYPOT:
            continue  # left empty, as people leave it: filled, it is a bot's
        if kind == "hidden":
            fields[name] = attrs.get("value", "")
        elif kind == "email" or "email" in name:
            fields[name] = email
        elif kind == "checkbox":
            fields[name] = attrs.get("value", "on")
        elif kind in ("text", ""):
            fields[name] = "Drill Teilnehmerin"
    return fields


def writer(load: Load, events: dict[str, str]) -> None:
    """Registers for each region's event through its form, one after another."""
    from urllib.parse import urlencode

    context = _context()
    counter = 0
    while not load.stop.is_set():
        region = random.choice(list(REGIONS))
        counter += 1
        email = f"drill-{counter}@example.org"
        try:
            conn = http.client.HTTPSConnection(
                "127.0.0.1", PORT["https"], context=context, timeout=15
            )
            conn.request("GET", events[region], headers={"Host": host(region)})
            page = conn.getresponse()
            html = page.read().decode("utf-8", errors="replace")
            cookies = "; ".join(
                value.split(";", 1)[0]
                for key, value in page.getheaders()
                if key.lower() == "set-cookie"
            )
            fields = _form_fields(html, email) if page.status == 200 else None
            if fields is None:
                load.record(Result(load.now(), f"form:{region}", page.status or 0))
                load.write_failures += 1
                conn.close()
                time.sleep(0.3)
                continue
            conn.request(
                "POST",
                events[region],
                body=urlencode(fields),
                headers={
                    "Host": host(region),
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": cookies,
                    # What a browser sends on port 443: nginx passes $host
                    # (no port) on, and Django compares the two.
                    "Origin": f"https://{host(region).split(':')[0]}",
                    "Referer": f"https://{host(region).split(':')[0]}{events[region]}",
                },
            )
            answer = conn.getresponse()
            answer.read()
            load.record(Result(load.now(), f"form:{region}", answer.status))
            if answer.status in (302, 303):
                with load.lock:
                    load.acknowledged.setdefault(region, set()).add(email)
            else:
                load.write_failures += 1
            conn.close()
        except (OSError, http.client.HTTPException):
            load.record(Result(load.now(), f"form:{region}", 0))
            load.write_failures += 1
        time.sleep(0.25)


# --- Faults -------------------------------------------------------------------


@dataclass
class Fault:
    name: str
    start: float
    back: float = 0.0
    end: float = 0.0  # when the next fault starts (or the soak ends)
    note: str = ""


PENDING = (
    "SELECT count(*) FROM django_tasks_database_dbtaskresult "
    "WHERE status IN ('READY', 'RUNNING')"
)

SEED = """
import json
from django.db import connection
from tenants.context import in_region
from tenants.models import Region
from tests.cms.factories import EventIndexPageFactory, EventPageFactory, region_home
from cms.pages.models import EventPage
from cms.pages.translations import page_aliases_ensure
out = {}
for slug in %(slugs)r:
    region = Region.objects.get(schema_name=slug)
    with in_region(region):
        index = EventIndexPageFactory(parent=region_home())
        event = EventPageFactory(
            parent=index, title="Vereinsmesse " + region.name,
            registration=EventPage.Registration.FORM, capacity=100000,
        )
        event.save_revision().publish()
        # Every page has its twins in the other languages, as provisioning and
        # the admin make them: the restore, which completes a region the same
        # way, then has nothing to add and the comparison sees the same pages.
        page_aliases_ensure(region=region)
        out[slug] = event.url_path.split("/", 2)[2]
        from django.contrib.auth import get_user_model
        get_user_model().objects.create_user("redaktion-" + slug, password=None)
print("SEED" + json.dumps(out))
"""

PUBLISH = """
from tenants.context import in_region
from tenants.models import Region
from wagtail.models import Page
for slug in %(slugs)r:
    with in_region(Region.objects.get(schema_name=slug)):
        page = Page.objects.get(depth=2, locale__language_code="de").specific
        page.save_revision().publish()
print("PUBLISHED")
"""

REGISTRATIONS = """
import json
from tenants.context import in_region
from tenants.models import Region
from cms.pages.models import EventRegistration
from django_tasks_db.models import DBTaskResult
out = {}
for slug in %(slugs)r:
    with in_region(Region.objects.get(schema_name=slug)):
        out[slug] = list(EventRegistration.objects.values_list("email", flat=True))
tasks = {}
for row in DBTaskResult.objects.all():
    key = (row.args_kwargs or {}).get("region", "?") + " " + row.status
    tasks[key] = tasks.get(key, 0) + 1
print("DATA" + json.dumps({"registrations": out, "tasks": tasks}))
"""

SNAPSHOT = """
import json
from tenants.context import in_region
from tenants.models import Region
from wagtail.models import Page
from django.contrib.auth import get_user_model
region = Region.objects.get(schema_name=%(slug)r)
with in_region(region):
    pages = []
    for page in Page.objects.order_by("path"):
        data = page.specific.serializable_data()
        for volatile in ("latest_revision_created_at", "last_published_at",
                         "first_published_at", "latest_revision", "live_revision"):
            data.pop(volatile, None)
        pages.append([page.pk, page.title, page.url_path, page.live,
                      json.dumps(data, sort_keys=True, default=str)])
    users = sorted(get_user_model().objects.values_list("username", flat=True))
print("SNAP" + json.dumps({"pages": pages, "users": users}))
"""


def shell(cluster: Cluster, code: str, tag: str, *, env=None) -> dict | str:
    result = cluster.manage("shell", "-c", code, env=env)
    for line in result.stdout.splitlines():
        if line.startswith(tag):
            rest = line[len(tag) :]
            return json.loads(rest) if rest else ""
    raise RuntimeError(f"no {tag} in: {result.stdout[-2000:]} {result.stderr[-2000:]}")


def restore_check(cluster: Cluster, slug: str) -> tuple[int, int, list[str]]:
    """Back up ``slug``, restore it into a fresh database, compare page by page."""
    archive = cluster.dir / f"{slug}.tar.gz"
    cluster.manage("region_backup", slug, "--output", str(archive))
    cluster.psql(f'CREATE DATABASE "{FRESH_DATABASE}"')
    fresh = cluster.env(database_port=PORT["pg"], database=FRESH_DATABASE)
    cluster.manage("migrate_schemas", "--shared", "--noinput", env=fresh)
    # A fresh platform: the portal and the shared vocabulary, no regions.
    shell(
        cluster,
        "from tenants.services import portal_ensure\n"
        "from cms.taxonomy.services import taxonomy_defaults_load\n"
        "portal_ensure(); taxonomy_defaults_load(); print('FRESH')",
        "FRESH",
        env=fresh,
    )
    cluster.manage("region_restore", str(archive), env=fresh)
    before = shell(cluster, SNAPSHOT % {"slug": slug}, "SNAP")
    after = shell(cluster, SNAPSHOT % {"slug": slug}, "SNAP", env=fresh)
    differences = []
    after_pages = {row[0]: row for row in after["pages"]}
    for row in before["pages"]:
        if after_pages.get(row[0]) != row:
            differences.append(f"page {row[0]} {row[1]!r} differs")
    if len(after["pages"]) != len(before["pages"]):
        differences.append(f"{len(before['pages'])} pages became {len(after['pages'])}")
    if before["users"] != after["users"]:
        differences.append("users differ")
    return len(before["pages"]), len(before["users"]), differences


def run(args) -> int:
    for tool, package in (("nginx", "nginx"), ("pgbouncer", "pgbouncer"),
                          ("redis-server", "redis-server")):  # fmt: skip
        if not shutil.which(tool):
            log(f"installing {package}")
            subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True)
    if not (PG_BIN / "initdb").exists():
        raise SystemExit("The drill needs PostgreSQL 15's server (postgresql-15).")

    workdir = Path(tempfile.mkdtemp(prefix="insist-drill-"))
    os.chmod(workdir, 0o755)
    cluster = Cluster(workdir)
    mail = MailSink(PORT["smtp"])
    interrupted = False
    load = None

    def on_signal(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    try:
        started = time.monotonic()
        log(f"work folder {workdir}")
        cluster.postgres_init()
        cluster.postgres_start()
        cluster.psql(f'CREATE DATABASE "{DATABASE}"')
        cluster.redis_start()
        cluster.pgbouncer_start()
        log("setup_platform (migrations, portal, three regions)")
        cluster.manage("setup_platform")
        log("collectstatic")
        cluster.manage("collectstatic", "--noinput", "-v", "0")
        events = shell(cluster, SEED % {"slugs": list(REGIONS)}, "SEED")
        events = {slug: "/" + path for slug, path in events.items()}
        log(f"events with a registration form: {events}")
        cluster.app_start("app1")
        cluster.app_start("app2")
        cluster.worker_start()
        wait_healthy(PORT["app1"])
        wait_healthy(PORT["app2"])
        cluster.nginx_start()
        log(f"cluster up in {time.monotonic() - started:.0f} s; soak for {args.soak} s")

        load = Load()
        threads = [
            threading.Thread(target=reader, args=(load,), daemon=True)
            for _ in range(args.readers)
        ]
        threads.append(
            threading.Thread(target=writer, args=(load, events), daemon=True)
        )
        for thread in threads:
            thread.start()

        faults: list[Fault] = []
        gap = args.gap

        def at(t: float) -> None:
            while load.now() < t:
                time.sleep(0.05)

        def next_start() -> float:
            # each fault starts once the previous one has had `gap` s to recover
            return faults[-1].back + gap if faults else gap

        at(next_start())
        fault = Fault("app server 1 stopped", load.now())
        cluster.stop("app1")
        at(fault.start + 6)
        cluster.app_start("app1")
        wait_healthy(PORT["app1"])
        fault.back = load.now()
        faults.append(fault)

        at(next_start())
        fault = Fault("Redis restarted", load.now())
        cluster.stop("redis")
        time.sleep(2)
        cluster.redis_start()
        fault.back = load.now()
        faults.append(fault)

        at(next_start())
        fault = Fault("PostgreSQL restarted", load.now())
        cluster.postgres_stop()
        time.sleep(2)
        cluster.postgres_start()
        fault.back = load.now()
        faults.append(fault)

        at(next_start())
        fault = Fault("worker stopped, forms filled", load.now())
        cluster.stop("worker")
        # an editor publishes in each region: Wagtail queues its index updates
        shell(cluster, PUBLISH % {"slugs": list(REGIONS)}, "PUBLISHED")
        at(fault.start + 10)
        queued = int(cluster.psql(PENDING, database=DATABASE))
        cluster.worker_start()
        fault.back = load.now()
        faults.append(fault)
        drained = None
        while load.now() < fault.back + 60:
            if int(cluster.psql(PENDING, database=DATABASE)) == 0:
                drained = load.now() - fault.back
                break
            time.sleep(0.2)
        fault.note = (
            f"{queued} tasks queued while down; queue drained {drained:.1f} s "
            "after the worker's return"
            if drained is not None
            else f"{queued} tasks queued while down; queue NOT drained in 60 s"
        )

        at(max(args.soak, fault.back + gap))
        load.stop.set()
        for thread in threads:
            thread.join(30)
        soak_end = load.now()
        for i, fault in enumerate(faults):
            fault.end = faults[i + 1].start if i + 1 < len(faults) else soak_end

        data = shell(cluster, REGISTRATIONS % {"slugs": list(REGIONS)}, "DATA")
        registered = data["registrations"]
        lost = sum(
            len(emails - set(registered.get(region, [])))
            for region, emails in load.acknowledged.items()
        )

        # An acknowledged registration promised a confirmation mail.
        mailed = set(mail.recipients)
        unmailed = sum(len(emails - mailed) for emails in load.acknowledged.values())
        pages, users, differences = restore_check(cluster, "halle")
        return report(
            load,
            faults,
            lost + unmailed,
            data["tasks"],
            pages,
            users,
            differences,
            mails=len(mail.recipients),
            unmailed=unmailed,
        )
    except KeyboardInterrupt:
        interrupted = True
        log("interrupted: tearing down")
        return 130
    finally:
        if load is not None:
            load.stop.set()
        mail.close()
        cluster.teardown()
        if args.keep:
            log(f"logs kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
        if interrupted:
            print("drill: interrupted")


def report(
    load, faults, lost, tasks, pages, users, differences, *, mails=0, unmailed=0
) -> int:
    results = sorted(load.results, key=lambda r: r.t)
    failures = [r for r in results if r.status == 0 or r.status >= 500]
    mismatches = sum(r.mismatch for r in results)

    def window_of(t: float):
        for fault in faults:
            if fault.start <= t < fault.end:
                return fault
        return None

    after_recovery = 0
    rows = []
    for fault in faults:
        during = [r for r in failures if fault.start <= r.t < fault.back]
        after = [r for r in failures if fault.back <= r.t < fault.end]
        recover = max((r.t - fault.back for r in after), default=0.0)
        late = [r for r in after if r.t - fault.back > RECOVERY_TARGET_S]
        after_recovery += len(late)
        served = [r for r in results if fault.start <= r.t < fault.end]
        rows.append(
            (fault.name, len(served), len(during), len(after), recover,
             fault.back - fault.start, fault.note)
        )  # fmt: skip
    outside = [r for r in failures if window_of(r.t) is None]
    after_recovery += len(outside)

    print()
    print(
        "| fault | requests | 5xx/no answer while down | after return | recovered after (s) | down for (s) | note |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | --- |")
    for name, served, during, after, recover, down, note in rows:
        print(
            f"| {name} | {served} | {during} | {after} | {recover:.1f} | {down:.1f} | {note} |"
        )
    print(
        f"| outside any fault | {sum(1 for r in results if window_of(r.t) is None)} | – | {len(outside)} | – | – | |"
    )
    by_target = {}
    for r in results:
        by_target.setdefault(
            r.target.split(":")[0] if ":" in r.target else r.target, []
        ).append(r)
    print()
    print("| host | requests | 2xx/3xx | 4xx | 5xx | no answer | region mismatches |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for target, rs in sorted(by_target.items()):
        print(
            f"| {target} | {len(rs)} | {sum(200 <= r.status < 400 for r in rs)} "
            f"| {sum(400 <= r.status < 500 for r in rs)} | {sum(r.status >= 500 for r in rs)} "
            f"| {sum(r.status == 0 for r in rs)} | {sum(r.mismatch for r in rs)} |"
        )
    acknowledged = sum(len(v) for v in load.acknowledged.values())
    print()
    print(
        f"registrations answered with success: {acknowledged}; not accepted (retry): {load.write_failures}; lost: {lost} ({unmailed} without their confirmation mail; {mails} mails received)"
    )
    print(
        f"tasks in the queue at the end (region status: count): {json.dumps(tasks, sort_keys=True)}"
    )
    print(
        f"restore of 'halle' into a fresh database: {pages} pages, {users} users compared, "
        + (
            "identical"
            if not differences
            else f"{len(differences)} differences: {differences[:5]}"
        )
    )
    line = (
        f"drill: {len(results)} requests, {after_recovery} 5xx after recovery, "
        f"{mismatches} region mismatches, {lost} lost writes"
    )
    print(line)
    return 0 if not (after_recovery or mismatches or lost or differences) else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--soak", type=float, default=75, help="seconds of load, at least (default 75)"
    )
    parser.add_argument(
        "--readers", type=int, default=4, help="reader threads (default 4)"
    )
    parser.add_argument(
        "--gap",
        type=float,
        default=10,
        help="seconds between one fault's recovery and the next fault (default 10)",
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the work folder and its logs"
    )
    if os.geteuid() != 0:
        parser.error("run as root: PostgreSQL and PgBouncer run as the postgres user")
    return run(parser.parse_args())


if __name__ == "__main__":
    sys.exit(main())
