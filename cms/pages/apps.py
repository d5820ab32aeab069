from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "cms.pages"
    label = "pages"
    verbose_name = _("Pages")

    def ready(self):
        from wagtail.signals import page_published

        from cms.pages import cache, services, translations
        from tenants.signals import region_ready

        region_ready.connect(services.region_site_ensure, dispatch_uid="pages-site")
        # After the site: the home page's aliases in every other language.
        region_ready.connect(
            translations.page_aliases_ensure, dispatch_uid="pages-aliases"
        )
        page_published.connect(
            translations.machine_translation_reviewed,
            dispatch_uid="pages-machine-translation-reviewed",
        )
        # The page cache's generations follow every change its pages show.
        cache.receivers_connect()
