"""Staff roles as Django groups, and the questions views ask about them."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission, User
from django.http import HttpRequest

ADMIN = "admin"
EDITOR = "editor"
TRANSLATOR = "translator"

_NOTICE_MODELS = ("notice", "step", "fee", "link", "faq", "noticeoffice", "noticedocument")
_CATALOG_MODELS = ("topic", "office", "document")

# Least access: translators change translations only; editors own notices; admins the catalogs.
ROLE_PERMISSIONS: dict[str, list[tuple[str, str]]] = {
    TRANSLATOR: [("translations", "change_translation"), ("translations", "add_translation")]
    + [("notices", f"view_{m}") for m in _NOTICE_MODELS + _CATALOG_MODELS],
    EDITOR: [("translations", f"{a}_translation") for a in ("add", "change", "view")]
    + [("notices", f"{a}_{m}") for m in _NOTICE_MODELS for a in ("add", "change", "view")]
    + [("notices", f"view_{m}") for m in _CATALOG_MODELS]
    # Editors add the office or document a new letter names, from the notice editor.
    + [("notices", f"{a}_{m}") for m in ("office", "document") for a in ("add", "change")]
    # Scan counts (notices.stats_views): those who publish letters see whether they are read.
    + [("notices", "view_scancount")],
    ADMIN: [
        ("notices", f"{a}_{m}")
        for m in _NOTICE_MODELS + _CATALOG_MODELS
        for a in ("add", "change", "delete", "view")
    ]
    + [("translations", f"{a}_translation") for a in ("add", "change", "delete", "view")]
    + [("notices", "view_scancount")]
    # Site administration: staff accounts and login lockouts (unlock = delete the attempt). Not
    # the consultations: an administrator reads cases only when also given a Plaza role.
    + [("auth", f"{a}_user") for a in ("add", "change", "view")]
    + [("auth", "view_group")]
    + [("axes", "view_accessattempt"), ("axes", "delete_accessattempt")]
    + [("axes", "view_accessfailurelog")],
}


def set_role_permissions(role_permissions: dict[str, list[tuple[str, str]]]) -> None:
    """Create or refresh role groups with exactly the given (app, codename) permissions."""
    for name, perms in role_permissions.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = [
            Permission.objects.get(content_type__app_label=app, codename=codename)
            for app, codename in perms
        ]
        group.permissions.set(wanted)


def ensure_roles() -> None:
    """Create or refresh the back-office role groups and their permissions."""
    set_role_permissions(ROLE_PERMISSIONS)


def acting_user(request: HttpRequest) -> User | None:
    """Return the logged-in user to record as the author of a change, or None."""
    return request.user if isinstance(request.user, User) else None


def is_staff_member(user: Any) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_staff)


def can_edit_notices(user: Any) -> bool:
    return is_staff_member(user) and user.has_perm("notices.change_notice")


def can_translate(user: Any) -> bool:
    return is_staff_member(user) and user.has_perm("translations.change_translation")
