"""gunicorn configuration: `gunicorn -c deploy/gunicorn.conf.py` from the repository.

https://docs.gunicorn.org/en/stable/settings.html
"""

import multiprocessing
import os

# `insist` (platform/insist) is importable because the project is installed
# (`pip install -e .`, see docs/architecture.md).
wsgi_app = "insist.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Each worker holds one connection per thread to PostgreSQL; behind PgBouncer use
# session pooling, never transaction pooling: it mixes schemas (trap 7).
threads = int(os.environ.get("GUNICORN_THREADS", 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# The host names the region (or the portal), so every access line says which.
access_log_format = (
    '%(h)s host=%({host}i)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s" '
    "xff=%({x-forwarded-for}i)s"
)
