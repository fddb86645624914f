"""One permission helper per object kind: a case for staff, a case for the resident."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpRequest

from consultations import roles
from consultations.models import Case, hash_token


def get_case_for_user(request: HttpRequest, reference: str) -> Case:
    """Return a case the staff user may see, else 403 (no role) or 404 (not theirs)."""
    if not roles.can_handle_cases(request.user):
        raise PermissionDenied
    case = roles.visible_cases(request.user).filter(reference=reference.upper()).first()
    if case is None:
        # The same answer whether the case exists or not: nothing to learn from probing.
        raise Http404(reference)
    return case


def get_case_for_resident(token: str) -> Case:
    """Return the case whose private status link this is (the first or one mailed later), or 404."""
    hashed = hash_token(token)
    case = Case.objects.filter(Q(token_hash=hashed) | Q(links__token_hash=hashed)).first()
    if case is None:
        raise Http404("status link")
    return case


def require_supervisor(request: HttpRequest) -> None:
    if not roles.can_supervise(request.user):
        raise PermissionDenied
