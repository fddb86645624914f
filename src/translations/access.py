"""Who may use the translation workflow: translators and editors, nobody else."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from accounts import roles


def require_translator(request: HttpRequest) -> None:
    """Refuse anyone who may not translate (least access: the role, not just staff status)."""
    if not roles.can_translate(request.user):
        raise PermissionDenied
