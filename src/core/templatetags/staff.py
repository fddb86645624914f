"""The staff layout's navigation: the entries this person may use, with the current one marked."""

from __future__ import annotations

from typing import Any

from django import template
from django.urls import reverse

from core import staff_nav

register = template.Library()


@register.inclusion_tag("core/staff_nav.html", takes_context=True)
def staff_menu(context: template.Context) -> dict[str, Any]:
    """Return what the navigation shows for the request's user."""
    request = context["request"]
    menu = staff_nav.menu_for(request.user)
    match = request.resolver_match
    home = reverse("core:staff-home")
    current = staff_nav.current_entry(request.path, match.view_name if match else "", menu)
    return {
        "menu": menu,
        "current": current,
        "home": home,
        "at_home": request.path == home,
    }
