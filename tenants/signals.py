from django.dispatch import Signal

# Sent inside the new or existing region's schema once its schema and domain
# exist, with ``region`` and ``domain``. Receivers set up what lives in the
# schema (Wagtail site, home page, groups) and return the lines they want to
# report, so that provisioning says exactly what it did.
region_ready = Signal()
