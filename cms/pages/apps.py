from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "cms.pages"
    label = "pages"
    verbose_name = "Seiten"

    def ready(self):
        from cms.pages import services
        from tenants.signals import region_ready

        region_ready.connect(services.region_site_ensure, dispatch_uid="pages-site")
