from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_roles(**kwargs: Any) -> None:
    from accounts.roles import ensure_roles

    ensure_roles()


class AccountsConfig(AppConfig):
    name = "accounts"

    def ready(self) -> None:
        # After auth has created the permissions the roles refer to.
        post_migrate.connect(_ensure_roles, sender=self)
        from accounts import staff_nav

        staff_nav.register()
