"""The staff home: what needs doing for this person's roles, and every page they may use.

It lives in core yet imports no app: the apps tell it their pages and their to-do counts through
`core.staff_nav` (the arrows still point down). It shows counts only, never a person's data, so
viewing it is not a view of personal data and writes no audit entry.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from accounts.roles import is_staff_member
from core import staff_nav


@never_cache
@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """Return the staff home: to-do cards with counts, then the person's pages by section."""
    if not is_staff_member(request.user):
        raise PermissionDenied
    context = {
        "todos": staff_nav.todos_for(request.user),
        "menu": staff_nav.menu_for(request.user),
        "has_role": request.user.is_superuser or request.user.groups.exists(),
    }
    return render(request, "core/staff_home.html", context)
