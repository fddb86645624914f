"""translate_notice, the job runner and django-tasks' database backend, against a fake DeepL."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db.models import Q

from notices.models import Notice
from translations import outbound, services
from translations.machine import parts_of
from translations.models import JobStatus, ProviderUsage, Status, Translation, TranslationJob
from translations.providers import get_provider
from translations.tests.conftest import DATABASE, run_worker_once
from translations.tests.fakes import Fake

pytestmark = pytest.mark.django_db
UseFake = Callable[[str], Fake]


def _notice_missing_languages() -> tuple[Notice, list[str]]:
    """Return PN3K8R with its th and es translations removed (the demo is complete in all 14)."""
    notice = Notice.objects.get(code="PN3K8R")
    missing = ["th", "es"]
    for part in parts_of(notice):
        Translation.objects.filter(
            content_type=ContentType.objects.get_for_model(part),
            object_id=part.pk,
            language__in=missing,
        ).delete()
    return notice, missing


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("translate_notice", *args, stdout=out)
    return out.getvalue()


def test_translate_notice_fills_missing_languages_as_machine_with_glossary(
    use_fake: UseFake,
) -> None:
    fake = use_fake("deepl")
    notice, missing = _notice_missing_languages()
    before = {
        (r.object_id, r.field, r.language): r.text
        for r in Translation.objects.filter(language__in=missing)
    }
    output = _run(notice.code, "--to", ",".join(missing), "--wait")
    assert "done" in output
    parts = parts_of(notice)
    for code in missing:
        table = services.TranslationTable(parts, [code], public=True)
        for segment in outbound.segments(parts):
            row = table.get(segment.obj, segment.field, code)
            assert row is not None and row.text, (segment, code)
            if (segment.obj.pk, segment.field, code) not in before:
                assert row.status == Status.MACHINE and row.provider == "deepl"
                assert row.revisions.get().status == Status.MACHINE
    shown = services.TranslationTable([notice], [missing[0]], public=True).show(
        notice, "title", missing[0]
    )
    assert shown.is_machine and shown.language == missing[0]
    # The glossary reached DeepL: a term of the notice is in a glossary it was sent.
    sent = "\n".join(b["entries"] for b in fake.bodies("/v2/glossaries") if b)
    assert any(term in sent for term in ("国民年金", "年金", "保険料", "区役所", "国民健康保険"))
    job = TranslationJob.objects.get()
    assert job.status == JobStatus.DONE and job.done == job.total == len(missing)
    assert ProviderUsage.objects.get(provider="deepl").characters > 0


def test_a_provider_error_ends_the_job_and_leaves_text_untouched(use_fake: UseFake) -> None:
    fake = use_fake("deepl")
    fake.mode = "quota"
    notice, missing = _notice_missing_languages()
    count = Translation.objects.count()
    with pytest.raises(CommandError, match="quota"):
        _run(notice.code, "--to", ",".join(missing[:2]), "--wait")
    job = TranslationJob.objects.get()
    assert job.status == JobStatus.FAILED and job.error == "quota"
    assert "Quota" in job.message
    assert Translation.objects.count() == count


def test_reviewed_text_is_never_overwritten_by_machine(use_fake: UseFake) -> None:
    use_fake("libretranslate")
    notice = Notice.objects.get(code="NH7K4A")
    services.set_translation(notice, "title", "es", "Aviso revisado", status=Status.REVIEWED)
    notice.title = notice.title + "（再送）"
    notice.save()
    _run(notice.code, "--to", "es", "--wait")
    row = Translation.objects.get(object_id=notice.pk, field="title", language="es")
    assert row.text == "Aviso revisado" and row.outdated and row.status == Status.REVIEWED


def test_outdated_machine_text_is_refreshed(use_fake: UseFake) -> None:
    fake = use_fake("libretranslate")
    notice = Notice.objects.get(code="NH7K4A")
    services.set_translation(notice, "title", "es", "viejo", status=Status.MACHINE)
    notice.title = "国民健康保険料 納入通知書（第2期）"
    notice.save()
    _run(notice.code, "--to", "es", "--wait")
    row = Translation.objects.get(object_id=notice.pk, field="title", language="es")
    assert row.text == "[es] 国民健康保険料 納入通知書（第2期）" and not row.outdated
    assert [b["q"] for b in fake.bodies("/translate")] == [["国民健康保険料 納入通知書（第2期）"]]


def test_unknown_code_and_missing_provider_are_clear(settings: object) -> None:
    with pytest.raises(CommandError, match="No notice"):
        _run("ZZZZZZ", "--to", "vi")
    with pytest.raises(CommandError, match="provider"):
        _run("NH7K4A", "--to", "vi")


def test_only_translatable_fields_of_content_reach_a_provider(use_fake: UseFake) -> None:
    from django.contrib.auth.models import User

    fake = use_fake("libretranslate")
    notice = Notice.objects.get(code="NH7K4A")
    office = notice.ordered_offices()[0]
    user = User.objects.create_user("resident", email="someone@example.jp")
    for segment in (
        outbound.Segment(office, "phone"),  # not a translatable field
        outbound.Segment(user, "email"),  # type: ignore[arg-type]  # not content at all
    ):
        with pytest.raises(outbound.OutboundRefused):
            outbound.send(get_provider(), [segment], "en", {})
    assert fake.received == []
    fields = {(type(s.obj).__name__, s.field) for s in outbound.segments(parts_of(notice))}
    assert ("Office", "phone") not in fields and ("Notice", "code") not in fields


def test_the_job_is_stored_for_the_worker_until_it_runs(
    use_fake: UseFake, settings: object
) -> None:
    from translations import actions

    settings.TASKS = DATABASE  # type: ignore[attr-defined]
    use_fake("libretranslate")
    notice = Notice.objects.get(code="NH7K4A")
    job = actions.do_request_machine_translation(notice, ["es"], label=notice.code)
    assert job.status == JobStatus.QUEUED and job.task_id
    from django_tasks_db.models import DBTaskResult

    assert DBTaskResult.objects.filter(Q(id=job.task_id)).exists()
    assert run_worker_once() == 1
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.percent == 100
