"""WSGI entry point; gunicorn serves ``insist.wsgi:application``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insist.settings.production")

application = get_wsgi_application()
