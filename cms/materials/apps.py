from django.apps import AppConfig


class MaterialsConfig(AppConfig):
    name = "cms.materials"
    label = "materials"
    verbose_name = "Schulungsmaterialien"

    def ready(self):
        from cms.materials import services
        from tenants.signals import region_ready

        # Every region's editors may add materials; the groups get the permission.
        region_ready.connect(
            services.materials_region_ready, dispatch_uid="materials-permissions"
        )
