from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_roles(**kwargs: Any) -> None:
    from consultations.roles import ensure_roles

    ensure_roles()


class ConsultationsConfig(AppConfig):
    name = "consultations"

    def ready(self) -> None:
        # After auth has created the permissions the roles refer to.
        post_migrate.connect(_ensure_roles, sender=self)
        from consultations import staff_nav

        staff_nav.register()
