"""Retention and purge, erasure and export of one person's data, special-care defaults."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from consultations import actions
from consultations.forms import IntakeForm
from consultations.models import (
    Appointment,
    Case,
    ContactLog,
    FollowUp,
    Handover,
    MonthlyStat,
    Note,
    Slot,
)
from consultations.tests.conftest import INTAKE
from translations.models import Translatable, Translation

pytestmark = pytest.mark.django_db


def submit(**changes: Any) -> Case:
    form = IntakeForm({**INTAKE, **changes})
    assert form.is_valid(), form.errors
    return actions.do_submit(form.cleaned_data, channel="web").case


def fill(case: Case) -> None:
    """Give the case every kind of dependent record that holds personal data."""
    actions.do_add_note(case, f"note about {case.name}", None)
    actions.do_log_contact(case, "phone", f"called {case.phone}", None)
    actions.do_add_followup(case, datetime.date(2030, 1, 1), "call again", None)
    Handover.objects.create(case=case, note="over to you")
    slot = Slot.objects.create(start=timezone.now() + datetime.timedelta(days=3))
    Appointment.objects.create(slot=slot, case=case)


def stats_snapshot() -> list[tuple[Any, ...]]:
    return list(
        MonthlyStat.objects.order_by("pk").values_list(
            "month", "language", "category", "channel", "opened", "closed"
        )
    )


def everything_stored() -> str:
    """Return every row of every model as JSON, to look for leftovers."""
    return serializers.serialize("json", [o for m in apps.get_models() for o in m.objects.all()])


def test_purge_deletes_expired_cases_and_their_data_keeps_statistics(groups: Any) -> None:
    expired = submit(name="Expired Person", email="expired@example.com", description="秘密の相談")
    kept = submit(name="Kept Person", email="kept@example.com")
    for case in (expired, kept):
        fill(case)
    actions.do_set_status(expired, "closed", None)
    Case.objects.filter(pk=expired.pk).update(
        expires_at=timezone.now() - datetime.timedelta(days=1)
    )
    kept_before = Case.objects.filter(pk=kept.pk).values().get()
    stats_before = stats_snapshot()
    assert stats_before and sum(row[4] for row in stats_before) == 2

    call_command("purge_expired", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert not Case.objects.filter(pk=expired.pk).exists()
    for model in (Note, ContactLog, FollowUp, Handover, Appointment):
        assert not model.objects.filter(case_id=expired.pk).exists()
    stored = everything_stored()
    for secret in ("Expired Person", "expired@example.com", "秘密の相談"):
        assert secret not in stored
    assert stats_snapshot() == stats_before
    assert Case.objects.filter(pk=kept.pk).values().get() == kept_before
    assert Note.objects.filter(case=kept).count() == 1
    assert Appointment.objects.filter(case=kept).count() == 1


def test_expiry_follows_the_category_and_restarts_at_closing(settings: Any) -> None:
    settings.TABUNKA_CONSULT_RETENTION_DAYS = {"default": 100, "medical": 10}
    medical = submit(category="medical")
    assert (medical.expires_at - medical.created_at).days == 10
    other = submit(category="tax")
    assert (other.expires_at - other.created_at).days == 100
    Case.objects.filter(pk=medical.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=9)
    )
    medical.refresh_from_db()
    actions.do_set_status(medical, "closed", None)
    assert medical.expires_at > timezone.now() + datetime.timedelta(days=9)


def test_person_export_holds_every_record(case: Case, supervisor: Client) -> None:
    fill(case)
    response = supervisor.get("/staff/consultations/person/export", {"email": INTAKE["email"]})
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)["cases"][0]
    assert data["reference"] == case.reference and data["description"] == INTAKE["description"]
    assert data["notes"][0]["special_care"] is True and data["contacts"] and data["followups"]
    assert data["appointments"] and data["handovers"]


def test_person_erasure_removes_all_their_cases_and_keeps_statistics(supervisor: Client) -> None:
    mine = [submit(), submit(category="tax")]
    other = submit(email="someone-else@example.com", name="Someone Else")
    for case in mine:
        fill(case)
    stats_before = stats_snapshot()
    response = supervisor.post(
        "/staff/consultations/person/erase", {"email": INTAKE["email"], "confirm": "erase"}
    )
    assert response.status_code == 302
    assert list(Case.objects.all()) == [other]
    assert INTAKE["name"] not in everything_stored()
    assert stats_snapshot() == stats_before


def test_erasure_needs_the_confirmation(case: Case, supervisor: Client) -> None:
    supervisor.post("/staff/consultations/person/erase", {"email": INTAKE["email"]})
    assert Case.objects.filter(pk=case.pk).exists()


def test_notes_are_special_care_unless_the_counselor_says_otherwise(
    case: Case, supervisor: Client
) -> None:
    path = f"/staff/consultations/{case.reference}/note"
    supervisor.post(path, {"text": "Has diabetes, needs a clinic."})
    supervisor.post(path, {"text": "Prefers mornings.", "ordinary": "1"})
    assert list(case.notes.values_list("special_care", flat=True)) == [True, False]
    assert case.special_care


def test_case_data_never_enters_the_translation_workflow(case: Case, supervisor: Client) -> None:
    # Only Translatable models reach MT providers; nothing of a case is one.
    for model in (Case, Note, ContactLog, FollowUp, Handover):
        assert not issubclass(model, Translatable)
    before = Translation.objects.count()
    supervisor.post(f"/staff/consultations/{case.reference}/note", {"text": "x"})
    supervisor.get(f"/staff/consultations/{case.reference}/")
    assert Translation.objects.count() == before
