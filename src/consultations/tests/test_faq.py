"""FAQ search across languages, answers in the asker's language, vectors made at save time."""

from __future__ import annotations

import pytest
from django.test import Client

from consultations import search
from consultations.models import FaqEntry, FaqVector
from translations.models import Status
from translations.services import set_translation

pytestmark = pytest.mark.django_db

SLUGS = {
    "nhi-enroll", "nhi-payment", "pension-exemption", "pension-lump-sum", "moving-in",
    "moving-out", "resident-tax", "garbage-sorting", "oversized-garbage", "child-allowance",
    "health-checkup", "child-vaccination", "mynumber-card", "disaster-evacuation",
    "japanese-class", "medical-interpreter", "municipal-housing", "consultation-plaza",
    "residence-card-renewal", "tax-certificate",
}  # fmt: skip


def test_demo_has_the_required_entries_in_seven_languages(faq: None) -> None:
    assert set(FaqEntry.objects.values_list("slug", flat=True)) >= SLUGS
    for entry in FaqEntry.objects.filter(slug__in=SLUGS):
        langs = set(entry.vectors.values_list("language", flat=True))
        assert {"ja", "ja-easy", "en", "vi", "zh-hans", "ne", "id"} <= langs, entry.slug


@pytest.mark.parametrize(
    ("question", "slug"),
    [
        ("Tôi mới chuyển đến, đăng ký bảo hiểm y tế ở đâu?", "nhi-enroll"),
        ("签证快到期了，去哪里续签？", "residence-card-renewal"),
        ("पुरानो साइकल कसरी फाल्ने?", "oversized-garbage"),
        ("¿Cómo solicito la ayuda económica por hijos?", "child-allowance"),
    ],
)
def test_api_ranks_the_right_entry_first(
    client: Client, faq: None, question: str, slug: str
) -> None:
    data = client.get("/api/faq/search", {"q": question}).json()
    assert data["results"][0]["slug"] == slug


def test_answer_in_the_askers_language_else_easy_japanese(client: Client, faq: None) -> None:
    vi = client.get("/api/faq/search", {"q": "bảo hiểm y tế", "lang": "vi"}).json()
    assert vi["results"][0]["answer"]["language"] == "vi"
    ko = client.get("/api/faq/search", {"q": "건강보험", "lang": "ko"}).json()
    assert ko["language"] == "ko" and ko["results"][0]["answer"]["language"] == "ja-easy"


def test_faq_page_labels_the_fallback_with_its_language(client: Client, faq: None) -> None:
    html = client.get("/consult/faq", {"q": "쓰레기 분리수거", "lang": "ko"}).content.decode()
    assert 'lang="ja"' in html and "<details open>" in html


def test_search_embeds_only_the_query(faq: None, monkeypatch: pytest.MonkeyPatch) -> None:
    search.current_index()
    stamps = list(FaqVector.objects.order_by("pk").values_list("updated_at", flat=True))
    calls: list[int] = []
    original = search.embed_passages
    monkeypatch.setattr(search, "embed_passages", lambda t: calls.append(len(t)) or original(t))
    search.search("ごみの出し方")
    assert calls == []
    assert list(FaqVector.objects.order_by("pk").values_list("updated_at", flat=True)) == stamps


def test_saving_a_changed_entry_recomputes_only_its_changed_language(faq: None) -> None:
    entry = FaqEntry.objects.get(slug="japanese-class")
    vectors = dict(entry.vectors.values_list("language", "text_hash"))
    set_translation(entry, "question", "en", "Where can I learn Japanese?", status=Status.PUBLISHED)
    assert search.index_entry(entry) == 1
    after = dict(entry.vectors.values_list("language", "text_hash"))
    assert after["en"] != vectors["en"] and after["vi"] == vectors["vi"]
    assert search.index_entry(entry) == 0


def test_keyword_mode_finds_exact_terms(faq: None) -> None:
    found = [e.slug for e, _ in search.search("粗大ごみ処理券", mode="keyword")]
    assert found[0] == "oversized-garbage"
    assert search.search("zzzz qqqq", mode="keyword") == []


def test_unpublished_entries_are_not_found(faq: None) -> None:
    FaqEntry.objects.filter(slug="municipal-housing").update(published=False)
    found = [e.slug for e, _ in search.search("市営住宅に申し込みたい", limit=20)]
    assert "municipal-housing" not in found


def test_tokens_use_pairs_where_words_have_no_spaces() -> None:
    assert search.tokens("ごみ分別") == ["ごみ", "み分", "分別"]
    assert search.tokens("Tiền thuế") == ["tiền", "thuế"]


def test_empty_query_returns_nothing(client: Client) -> None:
    assert client.get("/api/faq/search", {"q": " "}).json()["results"] == []
