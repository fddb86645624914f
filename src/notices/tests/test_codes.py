"""Codes never break: withdrawn, superseded and renamed notices keep answering at their code."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from notices import actions, codes
from notices.models import Notice, NoticeStatus

pytestmark = pytest.mark.django_db


def clone(notice: Notice) -> Notice:
    return Notice.objects.create(
        topic=notice.topic,
        title=notice.title + "（2027年度）",
        summary=notice.summary,
        status=NoticeStatus.PUBLISHED,
    )


def test_generated_codes_avoid_confusable_characters() -> None:
    generated = {codes.new_code() for _ in range(500)}
    assert all(codes.is_valid(c) for c in generated)
    assert not set("".join(generated)) & set("0O1IL2Z5SB")


def test_typed_code_is_forgiven_case_width_and_dashes(client: Client) -> None:
    notice = Notice.objects.filter(status=NoticeStatus.PUBLISHED).first()
    assert notice is not None
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in notice.code[:3].lower())
    typed = full_width + "-" + notice.code[3:].lower()
    response = client.get("/n/", {"code": " " + typed})
    assert response.status_code == 302
    assert response["Location"] == f"/n/{notice.code}"
    assert client.get(f"/n/{notice.code.lower()}").status_code == 302


@pytest.mark.parametrize(
    ("typed", "message"),
    [("", "Please type the code"), ("AB", "A code has 6"), ("QQQQQQ", "could not find")],
)
def test_bad_typed_code_says_what_is_wrong_in_the_readers_language(
    client: Client, typed: str, message: str
) -> None:
    response = client.get("/n/", {"code": typed, "lang": "en"})
    assert response.status_code == 400
    assert message in response.content.decode()
    vi = client.get("/n/", {"code": typed, "lang": "vi"}).content.decode()
    assert message not in vi  # said in Vietnamese, not English


def test_withdraw_supersede_and_rename_keep_every_code_working(client: Client) -> None:
    old, other = Notice.objects.filter(status=NoticeStatus.PUBLISHED)[:2]
    old_code, other_code = old.code, other.code

    # Renaming changes the title only; the code and its page stay.
    other.title = "新しい名前の通知"
    other.save()
    assert Notice.objects.get(pk=other.pk).code == other_code
    assert "新しい名前の通知" in client.get(f"/n/{other_code}?lang=ja").content.decode()

    # Superseding sends the old code to the successor, through a chain too.
    successor = clone(old)
    actions.do_supersede(old, successor)
    response = client.get(f"/n/{old_code}?lang=vi")
    assert response.status_code == 302
    assert response["Location"] == f"/n/{successor.code}?lang=vi"
    third = clone(successor)
    actions.do_supersede(successor, third)
    assert client.get(f"/n/{old_code}")["Location"] == f"/n/{third.code}"
    assert client.get(f"/n/{old_code}", follow=True).status_code == 200

    # Withdrawing keeps a page that says so and shows the way to help.
    actions.do_withdraw(third)
    for code in (old_code, successor.code, third.code):
        page = client.get(f"/n/{code}?lang=en", follow=True)
        assert page.status_code == 410  # gone for good, and the page says so
        assert "no longer in use" in page.content.decode()
        assert "Consultation Plaza" in page.content.decode()


def test_supersede_refuses_cycles_and_unpublished_successors() -> None:
    a, b = Notice.objects.filter(status=NoticeStatus.PUBLISHED)[:2]
    actions.do_supersede(a, b)
    with pytest.raises(ValidationError):
        actions.do_supersede(b, a)
    draft = Notice.objects.create(topic=a.topic, title="下書き", summary="x")
    with pytest.raises(ValidationError):
        actions.do_supersede(b, draft)


def test_draft_notices_are_not_public(client: Client) -> None:
    topic = Notice.objects.first().topic  # type: ignore[union-attr]
    draft = Notice.objects.create(topic=topic, title="下書き", summary="x")
    assert client.get(f"/n/{draft.code}").status_code == 404
    assert client.get(f"/n/{draft.code}/qr.png").status_code == 404
    assert client.get(f"/n/{draft.code}/print").status_code == 404
