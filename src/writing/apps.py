from django.apps import AppConfig


class WritingConfig(AppConfig):
    name = "writing"

    def ready(self) -> None:
        from writing import staff_nav

        staff_nav.register()
