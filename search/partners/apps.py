from django.apps import AppConfig


class PartnersConfig(AppConfig):
    name = "search.partners"
    label = "partners"
    verbose_name = "Kooperationspartner"
    default_auto_field = "django.db.models.BigAutoField"
