from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class ApiConfig(AppConfig):
    name = "api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        # Each app's api.py registers its router on import, as admin.py modules do.
        from api import languages  # noqa: F401  # core's one operation, registered here

        autodiscover_modules("api")
