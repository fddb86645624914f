"""Deleting a translatable object deletes its translations; the demo reloads without leftovers."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command

from notices import demo_loader
from notices.models import FAQ, Notice, Step
from translations.models import Translation, TranslationRevision


def _count(model: type) -> int:
    return Translation.objects.filter(content_type=ContentType.objects.get_for_model(model)).count()


@pytest.mark.django_db
def test_deleting_a_step_deletes_its_translations() -> None:
    step = Step.objects.filter(translations__isnull=False).first()
    assert step is not None
    ids = list(step.translations.values_list("pk", flat=True))
    assert ids
    step.delete()
    assert not Translation.objects.filter(pk__in=ids).exists()
    assert not TranslationRevision.objects.filter(translation_id__in=ids).exists()


@pytest.mark.django_db
def test_deleting_a_notice_cascades_to_the_translations_of_its_parts() -> None:
    notice = Notice.objects.get(code="MY4K9N")
    step_ids = list(notice.steps.values_list("pk", flat=True))
    faq_ids = list(notice.faqs.values_list("pk", flat=True))
    ct_step = ContentType.objects.get_for_model(Step)
    assert Translation.objects.filter(content_type=ct_step, object_id__in=step_ids).exists()
    notice.scans.all().delete()
    notice.delete()
    assert not Translation.objects.filter(content_type=ct_step, object_id__in=step_ids).exists()
    ct_faq = ContentType.objects.get_for_model(FAQ)
    assert not Translation.objects.filter(content_type=ct_faq, object_id__in=faq_ids).exists()
    assert not Translation.objects.filter(
        content_type=ContentType.objects.get_for_model(Notice), object_id=notice.pk
    ).exists()


@pytest.mark.django_db
def test_loading_the_demo_twice_gives_the_same_row_counts() -> None:
    demo_loader.load_all()
    before = (Translation.objects.count(), _count(Step), _count(FAQ), Step.objects.count())
    demo_loader.load_all()
    after = (Translation.objects.count(), _count(Step), _count(FAQ), Step.objects.count())
    assert after == before
    call_command("translation_orphans")  # raises if any


@pytest.mark.django_db
def test_the_command_reports_and_deletes_orphans(capsys: pytest.CaptureFixture[str]) -> None:
    ct = ContentType.objects.get_for_model(Step)
    missing = (Step.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1000
    Translation.objects.create(
        content_type=ct, object_id=missing, field="text", language="vi", text="x"
    )
    with pytest.raises(CommandError):
        call_command("translation_orphans")
    assert "notices.step: 1 orphaned" in capsys.readouterr().out
    call_command("translation_orphans", "--delete")
    call_command("translation_orphans")
    assert not Translation.objects.filter(content_type=ct, object_id=missing).exists()
