"""A Nepali resident in a real browser: submit, see the reference, open the link, book."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from consultations.models import Appointment, Case, Slot
from consultations.tests.conftest import open_time

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_RULES = {"runOnly": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]}


def check_axe(page: Any) -> None:
    results = Axe().run(page, options=AXE_RULES)
    assert results.violations_count == 0, results.generate_report()


@pytest.fixture
def new_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """Open phone-sized pages; close them before the live server stops (no request in flight)."""
    contexts: list[Any] = []

    def open_page(language: str = "ne-NP,ne") -> Any:
        context = browser.new_context(
            extra_http_headers={"Accept-Language": language},
            viewport={"width": 360, "height": 740},
        )
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


def test_nepali_resident_submits_opens_the_link_and_books(
    demo_server: Any, new_page: Callable[..., Any]
) -> None:
    Slot.objects.create(start=open_time(2), interpreter_languages=["ne", "en"])
    page = new_page()
    page.goto(f"{demo_server.url}/consult/")
    assert page.evaluate("document.documentElement.lang") == "ne"
    check_axe(page)
    page.locator("button[type=submit]").last.click()  # empty form: errors first
    page.wait_for_load_state()
    assert page.locator("#error-summary").is_visible()
    assert page.evaluate("document.activeElement.id") == "error-summary"
    check_axe(page)
    page.locator("#id_category_1").check()  # health insurance
    page.locator("#id_description").fill("मलाई स्वास्थ्य बीमाको पत्र आयो तर बुझिनँ।")
    page.locator("#id_preferred_contact_0").check()  # phone
    page.locator("#id_phone").fill("080-1234-5678")
    page.locator("#id_interpreter_language").select_option("ne")
    page.locator("#id_consent").check()
    page.locator("button[type=submit]").last.click()
    page.wait_for_load_state()
    reference = page.locator("[data-reference]").inner_text().strip()
    case = Case.objects.get(reference=reference)
    assert case.language == "ne" and case.interpreter_language == "ne"
    status_url = page.url.split("?")[0]
    check_axe(page)

    later = new_page()  # the resident opens the saved link another day
    later.goto(status_url)
    assert later.locator("[data-reference]").inner_text().strip() == reference
    later.locator("input[name=slot]").first.check()
    later.locator("form[action$='/book'] button").click()
    later.wait_for_load_state()
    assert later.locator("[data-appointment]").is_visible()
    assert Appointment.objects.filter(case=case, cancelled_at__isnull=True).count() == 1
    check_axe(later)


@pytest.mark.parametrize("path", ["/consult/?lang=my", "/consult/faq?q=ごみ&lang=ja-easy"])
def test_axe_on_other_public_pages(
    demo_server: Any, new_page: Callable[..., Any], path: str
) -> None:
    page = new_page("vi")
    page.goto(f"{demo_server.url}{path}")
    check_axe(page)


def test_counselor_answers_a_vietnamese_case_and_the_resident_answers_back(
    demo_server: Any, new_page: Callable[..., Any], settings: Any
) -> None:
    """The counselor inserts the FAQ answer in Vietnamese and sends; the resident reads, replies."""
    from django.contrib.auth.models import Group, User
    from django.core import mail
    from django.test import Client
    from icalendar import Calendar

    from consultations import actions, roles
    from consultations.forms import IntakeForm
    from consultations.models import CounselorGroup, FaqEntry, Message
    from consultations.tests.conftest import INTAKE, load_faq_if_missing
    from translations.services import TranslationTable

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    roles.ensure_roles()
    asia = CounselorGroup.objects.create(name="Asia", languages=["vi"])
    counselor = User.objects.create_user("counselor-vi", is_staff=True)
    counselor.groups.add(Group.objects.get(name=roles.COUNSELOR))
    asia.members.add(counselor)
    form = IntakeForm(INTAKE)
    assert form.is_valid()
    submitted = actions.do_submit(form.cleaned_data, channel="web")
    case = submitted.case
    load_faq_if_missing()  # a transactional test may have emptied the tables
    entry = FaqEntry.objects.get(slug="nhi-enroll")
    vietnamese = TranslationTable([entry], ["vi"], public=True).show(entry, "answer", "vi")
    assert vietnamese.language == "vi"

    # The counselor, logged in (session cookie handed to the browser).
    from accounts import second_factor, testing

    second_factor.give_device(counselor)
    login = testing.log_in(Client(), counselor)  # with the second factor case pages want
    staff = new_page("ja")
    staff.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": login.cookies["sessionid"].value,
                "url": demo_server.url,
            }
        ]
    )
    staff.set_viewport_size({"width": 1280, "height": 900})
    staff.goto(f"{demo_server.url}/staff/consultations/{case.reference}/")
    check_axe(staff)
    staff.locator("#id_text").fill("Chào anh Nguyen,")
    staff.locator("#faq-answer").select_option("nhi-enroll")
    staff.locator("[data-insert]").click()  # with JavaScript: no reload
    written = staff.locator("#id_text").input_value()
    assert written.startswith("Chào anh Nguyen,\n\n") and vietnamese.text[:30] in written
    staff.locator("form[data-reply] button[type=submit]:not([data-insert])").click()
    staff.wait_for_load_state()
    sent = Message.objects.get()
    assert sent.author == counselor and vietnamese.text[:30] in sent.text
    check_axe(staff)

    # The mail: Vietnamese, a link, not the message.
    notice = mail.outbox[-1]  # after the intake confirmation
    assert "tin nhắn mới" in notice.subject.lower()
    assert vietnamese.text[:30] not in notice.body and "Chào anh" not in notice.body

    # The resident opens the status page in Vietnamese on a phone, reads and answers.
    resident = new_page("vi")
    resident.goto(f"{demo_server.url}{submitted.status_path}")
    assert resident.evaluate("document.documentElement.lang") == "vi"
    thread = resident.locator("[data-thread]")
    assert "Chào anh Nguyen" in thread.inner_text()
    check_axe(resident)
    resident.locator("#id_text").fill("Cảm ơn chị. Tôi sẽ đến vào thứ Hai.")
    resident.locator("form[action$='/reply'] button").click()
    resident.wait_for_load_state()
    assert "Tôi sẽ đến vào thứ Hai" in resident.locator("[data-thread]").inner_text()
    assert Message.objects.filter(from_resident=True).count() == 1
    check_axe(resident)

    # ... books a time and gets the confirmation with a calendar file.
    from consultations.models import Slot

    Slot.objects.create(start=open_time(2), interpreter_languages=["vi"])
    resident.reload()
    resident.locator("input[name=slot]").first.check()
    resident.locator("form[action$='/book'] button").click()
    resident.wait_for_load_state()
    assert resident.locator("[data-appointment]").is_visible()
    check_axe(resident)
    booked = mail.outbox[-1]
    calendar = Calendar.from_ical(booked.attachments[0][1])
    assert str(calendar["METHOD"]) == "REQUEST" and calendar.walk("VEVENT")

    # The counselor's queue shows the resident's answer as new.
    staff.goto(f"{demo_server.url}/staff/consultations/")
    assert staff.locator("[data-new-message]").count() == 1
    check_axe(staff)
    staff.goto(f"{demo_server.url}/staff/consultations/slots/")
    assert staff.locator("[data-closing-days] li").count() >= 1
    check_axe(staff)
