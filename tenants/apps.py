from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TenantsConfig(AppConfig):
    name = "tenants"
    verbose_name = _("Regions")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from tenants.middleware import domains_forget
        from tenants.models import Domain, Region

        for model in (Domain, Region):
            for signal in (post_save, post_delete):
                signal.connect(
                    domains_forget,
                    sender=model,
                    dispatch_uid=f"domains-forget-{model.__name__}-{id(signal)}",
                )
