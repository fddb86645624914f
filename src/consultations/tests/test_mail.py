"""Every mail to a resident is sent by the task worker after the commit; its queue holds ids."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django_tasks_db.models import DBTaskResult

from consultations.models import Case, Slot
from consultations.tests.conftest import INTAKE, open_time
from translations.tests.conftest import DATABASE, run_worker_once

pytestmark = pytest.mark.django_db


def queued() -> str:
    """Return everything the waiting tasks carry, as one text."""
    return json.dumps(list(DBTaskResult.objects.values_list("task_path", "args_kwargs")))


def test_intake_message_and_booking_mail_wait_for_the_worker(
    client: Client,
    counselor: Client,
    settings: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    settings.TASKS = DATABASE
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/consult/", INTAKE)
    status_path = response["Location"].split("?")[0]
    token = status_path.rsplit("/", 1)[1]
    case = Case.objects.get()
    slot = Slot.objects.create(start=open_time(2), interpreter_languages=["vi"])
    reply = "Bitte bringen Sie Ihre Versicherungskarte mit."
    with django_capture_on_commit_callbacks(execute=True):
        counselor.post(f"/staff/consultations/{case.reference}/message", {"text": reply})
        client.post(f"{status_path}/book", {"slot": slot.pk})

    # Nothing went out during the requests; the queue names the tasks and ids, nothing personal.
    assert mail.outbox == []
    waiting = queued()
    assert "mail_confirmation" in waiting and "mail_new_message" in waiting
    assert "mail_appointment" in waiting
    for secret in (token, INTAKE["email"], INTAKE["description"], INTAKE["name"], reply):
        assert secret not in waiting

    assert run_worker_once() == 3
    assert len(mail.outbox) == 3
    for sent in mail.outbox:  # each with a working link of its own, none with what was written
        assert sent.to == [INTAKE["email"]]
        assert INTAKE["description"] not in sent.body and reply not in sent.body
        link = re.search(r"/consult/s/\S+", sent.body)
        assert link is not None and token not in link.group()
        assert client.get(link.group()).status_code == 200
