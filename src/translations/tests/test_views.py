"""The translator's editor, the coverage matrix and the glossary pages, over HTTP."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from notices.models import Notice
from translations import exchange, services
from translations.machine import parts_of
from translations.models import JobStatus, Status, Translation, TranslationJob
from translations.tests.conftest import DATABASE, run_worker_once
from translations.tests.fakes import Fake

pytestmark = pytest.mark.django_db
NHI = "NH7K4A"

PAGES = [
    "/staff/translations/",
    f"/staff/notices/{NHI}/translate/vi",
    f"/staff/notices/{NHI}/translate/vi/file.po",
    "/staff/translations/glossary/vi/",
    "/staff/translations/glossary/vi/file.tbx",
]


@pytest.mark.parametrize("path", PAGES)
def test_outsider_staff_gets_403_and_anonymous_is_sent_to_login(client: Client, path: str) -> None:
    assert "/accounts/login/" in client.get(path)["Location"]
    client.force_login(User.objects.create_user("visitor", password="x", is_staff=True))
    assert client.get(path).status_code == 403


def test_outsider_cannot_start_machine_translation(client: Client) -> None:
    client.force_login(User.objects.create_user("visitor", password="x", is_staff=True))
    assert client.post(f"/staff/notices/{NHI}/translate/vi/machine").status_code == 403
    assert not TranslationJob.objects.exists()


def test_translators_home_is_the_coverage_matrix(translator_client: Client) -> None:
    response = translator_client.get("/staff/notices/")
    assert response.status_code == 302 and response["Location"] == "/staff/translations/"
    page = translator_client.get("/staff/translations/").content.decode()
    assert NHI in page and f"/staff/notices/{NHI}/translate/ne" in page
    assert 'lang="my"' in page


def test_editor_shows_source_easy_target_memory_glossary_and_diff(
    translator_client: Client,
) -> None:
    notice = Notice.objects.get(code=NHI)
    services.set_translation(notice, "deadline_note", "vi", "Hạn nộp", status=Status.REVIEWED)
    notice.deadline_note = notice.deadline_note + "区役所でも納められます。"
    notice.save()
    page = translator_client.get(f"/staff/notices/{NHI}/translate/vi").content.decode()
    assert "<ins>区役所でも納められます。</ins>" in page
    assert "Văn phòng Quận" in page  # the glossary term for 区役所
    assert 'class="use"' in page  # a memory suggestion with its button
    key = f"notice-{notice.pk}-title"
    assert f'<label for="text-{key}">' in page and f'id="text-{key}"' in page
    assert "やさしい日本語" in page


def test_saving_keeps_history_and_memory(translator_client: Client) -> None:
    notice = Notice.objects.get(code=NHI)
    key = f"notice-{notice.pk}-title"
    for text in ("Thông báo A", "Thông báo B"):
        translator_client.post(
            f"/staff/notices/{NHI}/translate/vi",
            {f"text-{key}": text, f"status-{key}": "reviewed"},
        )
    row = Translation.objects.get(
        object_id=notice.pk, field="title", language="vi", content_type__model="notice"
    )
    assert row.text == "Thông báo B" and row.updated_by.username == "translator-user"
    history = list(row.revisions.values_list("text", "user__username"))
    assert history[:2] == [("Thông báo B", "translator-user"), ("Thông báo A", "translator-user")]


def test_machine_button_enqueues_a_job_and_progress_is_visible(
    translator_client: Client, use_fake: Callable[[str], Fake], settings: object
) -> None:
    settings.TASKS = DATABASE  # type: ignore[attr-defined]
    use_fake("libretranslate")
    notice = Notice.objects.get(code=NHI)
    Translation.objects.filter(object_id=notice.pk, language="es").delete()
    response = translator_client.post(f"/staff/notices/{NHI}/translate/es/machine")
    assert response.status_code == 302
    job = TranslationJob.objects.get()
    assert job.status == JobStatus.QUEUED and job.languages == ["es"]
    page = translator_client.get(f"/staff/notices/{NHI}/translate/es").content.decode()
    assert f'data-url="/staff/translations/jobs/{job.pk}"' in page and "<progress" in page
    assert translator_client.get(f"/staff/translations/jobs/{job.pk}").json()["finished"] is False
    assert run_worker_once() == 1
    status = translator_client.get(f"/staff/translations/jobs/{job.pk}").json()
    assert status["finished"] and status["percent"] == 100 and status["status"] == "done"


def test_export_and_import_over_http(translator_client: Client) -> None:
    notice = Notice.objects.get(code=NHI)
    data = translator_client.get(f"/staff/notices/{NHI}/translate/my/file.xliff20").content
    assert b"urn:oasis:names:tc:xliff:document:2.0" in data
    store_units = exchange.read_units(data, "xliff20")
    assert len(store_units) == len(
        [1 for o in parts_of(notice) for f in o.translatable_fields if getattr(o, f)]
    )
    upload = SimpleUploadedFile("back.xlf", data)
    page = translator_client.post(
        f"/staff/notices/{NHI}/translate/my/import", {"file": upload, "format": "xliff20"}
    )
    assert page.status_code == 200 and "<dl>" in page.content.decode()
    broken = SimpleUploadedFile("broken.xlf", b"<xliff")
    page = translator_client.post(
        f"/staff/notices/{NHI}/translate/my/import", {"file": broken, "format": "xliff12"}
    )
    assert page.status_code == 400 and 'role="alert"' in page.content.decode()


def test_glossary_page_and_files(translator_client: Client) -> None:
    page = translator_client.get("/staff/translations/glossary/es/").content.decode()
    assert "Oficina del Distrito" in page and "ward oficina" in page
    csv = translator_client.get("/staff/translations/glossary/es/file.csv").content.decode()
    assert csv.startswith("language,term,translation,forbidden,note")
    upload = SimpleUploadedFile(
        "g.csv",
        "language,term,translation,forbidden,note\nes,窓口,ventanilla de atención,,\n".encode(),
    )
    translator_client.post("/staff/translations/glossary/es/import", {"file": upload})
    assert (
        "ventanilla de atención"
        in translator_client.get("/staff/translations/glossary/es/").content.decode()
    )
    assert translator_client.get("/staff/translations/glossary/xx/").status_code == 404
