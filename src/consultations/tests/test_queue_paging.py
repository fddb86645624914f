"""The case queue after a flood: paged by 50, sortable, filterable; nothing hidden."""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from consultations.models import Case, CounselorGroup

pytestmark = pytest.mark.django_db


def flood(group: CounselorGroup, count: int = 210) -> Case:
    """Store `count` flagged cases from one client, then one genuine case an hour later."""
    start = timezone.now() - datetime.timedelta(days=1)
    common = {
        "language": "vi",
        "preferred_contact": "email",
        "group": group,
        "expires_at": start + datetime.timedelta(days=365),
        "consent_at": start,
    }
    Case.objects.bulk_create(
        Case(
            reference=f"FL{i:03d}-XXXX"[:9],
            token_hash=f"flood-{i}",
            category="other",
            channel="api",
            description="spam",
            flagged="rate-limit",
            created_at=start + datetime.timedelta(seconds=i),
            **common,
        )
        for i in range(count)
    )
    return Case.objects.create(
        reference="GENU-INE2",
        token_hash="genuine",
        category="health-insurance",
        channel="web",
        description="I need help with health insurance.",
        created_at=start + datetime.timedelta(hours=1),
        **common,
    )


def references(page: str) -> list[str]:
    return re.findall(r'href="/staff/consultations/([A-Z0-9]+-[A-Z0-9]+)/"', page)


def test_a_genuine_case_after_a_flood_is_found(
    supervisor: Client, groups: dict[str, CounselorGroup]
) -> None:
    genuine = flood(groups["asia"])
    first = supervisor.get("/staff/consultations/")
    assert first.status_code == 200
    shown = references(first.content.decode())
    assert len(shown) == 50 and genuine.reference not in shown
    assert "211" in first.content.decode()  # the total is said
    # Oldest first: the genuine case is the 211th, on page 5, reachable through the page links.
    assert 'href="?page=5"' in first.content.decode()
    last = supervisor.get("/staff/consultations/", {"page": 5})
    assert references(last.content.decode())[-1] == genuine.reference
    assert 'aria-current="page"' in last.content.decode()
    # Newest first or cases to check last: on the first page.
    newest = supervisor.get("/staff/consultations/", {"sort": "newest"}).content.decode()
    assert references(newest)[0] == genuine.reference
    flagged = supervisor.get("/staff/consultations/", {"sort": "flagged"}).content.decode()
    assert genuine.reference not in references(flagged)  # flagged ones are shown first
    assert 'href="?sort=flagged&amp;page=2"' in flagged
    by_topic = supervisor.get("/staff/consultations/", {"category": "health-insurance"})
    assert references(by_topic.content.decode()) == [genuine.reference]


def test_page_out_of_range_or_garbage_shows_a_page(
    supervisor: Client, groups: dict[str, CounselorGroup]
) -> None:
    flood(groups["asia"], count=60)
    for page in ("999", "abc", "0", "-1", "²", "9" * 5000, "1\x00"):
        response = supervisor.get("/staff/consultations/", {"page": page})
        assert response.status_code == 200, page
        assert len(references(response.content.decode())) in (50, 11)


def test_unknown_filter_values_are_refused_with_a_message(supervisor: Client) -> None:
    for name in ("language", "category", "status", "sort", "mine"):
        response = supervisor.get("/staff/consultations/", {name: "x\x00<U+202E>"})
        assert response.status_code == 400, name
        assert "does not exist" in response.content.decode() or "存在しない" in (
            response.content.decode()
        )
