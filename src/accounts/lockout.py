"""Login lockouts (django-axes): the page a locked-out login gets, and the count admins see."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.staff_nav import Todo


def locked_out(
    request: HttpRequest, original_response: Any = None, credentials: Any = None
) -> HttpResponse:
    """Return the login page saying that logging in is paused (429), whatever was typed."""
    context = {"form": AuthenticationForm(request), "locked": True, "next": ""}
    return render(request, "accounts/login.html", context, status=429)


def lockouts_since(since: datetime.datetime) -> int:
    """Return how many accounts or addresses were locked out since then (each counted once)."""
    from axes.models import AccessFailureLog

    return (
        AccessFailureLog.objects.filter(locked_out=True, attempt_time__gte=since)
        .values("username", "ip_address")
        .distinct()
        .count()
    )


def todos(user: Any) -> list[Todo]:
    """Return the staff-home alert of the last 24 hours' lockouts, if there were any."""
    count = lockouts_since(timezone.now() - datetime.timedelta(hours=24))
    if not count:
        return []
    return [
        Todo(
            _("Login lockouts in the last 24 hours"),
            count,
            reverse("admin:axes_accessfailurelog_changelist") + "?locked_out__exact=1",
            _(
                "Someone typed a wrong password five times. Check that it was a colleague; "
                "an account unlocks itself after 30 minutes."
            ),
        )
    ]
