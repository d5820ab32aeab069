from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "cms.taxonomy"
    label = "taxonomy"
    verbose_name = _("Club taxonomy")

    def ready(self):
        from cms.taxonomy import services
        from tenants.signals import region_ready

        # Every new region gets the default vocabulary and its own districts.
        region_ready.connect(
            services.taxonomy_region_ready, dispatch_uid="taxonomy-defaults"
        )
