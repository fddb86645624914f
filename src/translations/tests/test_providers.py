"""Each provider's real client code against a local fake of its documented wire format."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from translations.providers import ProviderError, get_provider
from translations.tests.fakes import Fake

SOURCE = "区役所で保険証を受け取ってください。"
TERMS = {"区役所": "Ward Office", "保険証": "health insurance card"}
ALL = ["deepl", "google", "azure", "textra", "libretranslate", "openai"]

UseFake = Callable[[str], Fake]


def test_deepl_creates_a_glossary_and_translates_with_it(use_fake: UseFake) -> None:
    fake = use_fake("deepl")
    assert get_provider().translate([SOURCE], "en", TERMS) == [
        "[EN-US] Ward Officeでhealth insurance cardを受け取ってください。"
    ]
    glossary = fake.bodies("/v2/glossaries")[0]
    assert "区役所\tWard Office" in glossary["entries"].splitlines()
    assert glossary["entries_format"] == "tsv" and glossary["target_lang"] == "EN"
    translate = fake.bodies("/v2/translate")[0]
    assert translate["glossary_id"] == "g-1" and translate["source_lang"] == "JA"
    assert translate["target_lang"] == "EN-US" and translate["text"] == [SOURCE]
    assert fake.received[0].headers["Authorization"] == "DeepL-Auth-Key test-key"
    assert [r.method for r in fake.received] == ["POST", "POST", "DELETE"]


def test_deepl_sends_no_glossary_where_it_has_none(use_fake: UseFake) -> None:
    fake = use_fake("deepl")
    get_provider().translate([SOURCE], "th", TERMS)
    assert [r.path for r in fake.received] == ["/v2/translate"]
    assert "glossary_id" not in fake.received[0].body


def test_google_v3_rest_with_glossary_config(use_fake: UseFake) -> None:
    fake = use_fake("google")
    fake.__dict__["glossary"] = TERMS
    assert get_provider().translate([SOURCE], "zh-hans", TERMS) == [
        "[zh-CN] Ward Officeでhealth insurance cardを受け取ってください。"
    ]
    got = fake.received[0]
    assert got.path == "/v3/projects/tabunka-city/locations/us-central1:translateText"
    assert got.body["sourceLanguageCode"] == "ja" and got.body["targetLanguageCode"] == "zh-CN"
    assert got.body["contents"] == [SOURCE]
    assert got.body["glossaryConfig"]["glossary"] == (
        "projects/tabunka-city/locations/us-central1/glossaries/tabunka-ja-zh-CN"
    )


def test_azure_2x_inputs_shape_with_dynamic_dictionary_for_english(use_fake: UseFake) -> None:
    fake = use_fake("azure")
    assert get_provider().translate([SOURCE], "en", TERMS) == [
        "[en] Ward Officeでhealth insurance cardを受け取ってください。"
    ]
    got = fake.received[0]
    assert got.path == "/translate" and got.query["api-version"]
    assert got.headers["Ocp-Apim-Subscription-Key"] == "test-key"
    assert got.headers["Ocp-Apim-Subscription-Region"] == "japaneast"
    item = got.body["inputs"][0]
    assert item["language"] == "ja" and item["targets"] == [{"language": "en"}]
    assert (
        '<mstrans:dictionary translation="Ward Office">区役所</mstrans:dictionary>' in item["text"]
    )


def test_azure_passes_no_dictionary_when_english_is_not_involved(use_fake: UseFake) -> None:
    fake = use_fake("azure")
    get_provider().translate([SOURCE], "vi", TERMS)
    assert fake.received[0].body["inputs"][0]["text"] == SOURCE


def test_textra_oauth2_then_form_post_with_term_id(use_fake: UseFake) -> None:
    fake = use_fake("textra")
    fake.__dict__["glossary"] = TERMS
    assert get_provider().translate([SOURCE], "fil", TERMS) == [
        "[fp] Ward Officeでhealth insurance cardを受け取ってください。"
    ]
    token, mt = fake.received
    assert token.path == "/oauth2/token.php"
    assert token.body == {
        "grant_type": "client_credentials",
        "client_id": "test-key",
        "client_secret": "test-secret",
    }
    assert mt.path == "/api/mt/generalNT_ja_fp/"
    assert mt.body["access_token"] == "tok-1" and mt.body["type"] == "json"
    assert mt.body["name"] == "tabunka" and mt.body["key"] == "test-key"
    assert mt.body["term_id"] == "city-terms" and mt.body["text"] == SOURCE


def test_libretranslate_json(use_fake: UseFake) -> None:
    fake = use_fake("libretranslate")
    assert get_provider().translate([SOURCE, "窓口"], "pt-br", TERMS) == [
        f"[pt-BR] {SOURCE}",
        "[pt-BR] 窓口",
    ]
    assert fake.received[0].body == {
        "q": [SOURCE, "窓口"],
        "source": "ja",
        "target": "pt-BR",
        "format": "text",
        "api_key": "test-key",
    }


def test_openai_compatible_chat_puts_the_glossary_in_the_prompt(use_fake: UseFake) -> None:
    fake = use_fake("openai")
    assert get_provider().translate([SOURCE], "ne", TERMS) == [f"[llm] {SOURCE}"]
    got = fake.received[0]
    assert got.path == "/v1/chat/completions"
    assert got.headers["Authorization"] == "Bearer test-key"
    assert got.body["model"] == "local-llm"
    system, user = got.body["messages"]
    assert "into Nepali" in system["content"] and "- 区役所 → Ward Office" in system["content"]
    assert user == {"role": "user", "content": SOURCE}


# The kind each provider's own error answer maps to.
ERRORS = [(name, mode, mode) for name in ALL for mode in ("auth", "quota", "timeout")] + [
    (name, "language", "language") for name in ALL if name != "openai"
]


@pytest.mark.parametrize(("name", "mode", "kind"), ERRORS)
def test_provider_errors_have_a_clear_kind(
    use_fake: UseFake, name: str, mode: str, kind: str
) -> None:
    fake = use_fake(name)
    fake.mode = mode
    with pytest.raises(ProviderError) as caught:
        get_provider().translate([SOURCE], "en", TERMS)
    assert caught.value.kind == kind
    assert fake.received  # the error came from the server, not from us


@pytest.mark.parametrize(
    ("name", "code"), [("libretranslate", "vi"), ("deepl", "ja-easy"), ("openai", "xx")]
)
def test_unsupported_language_is_refused_before_sending(
    use_fake: UseFake, name: str, code: str
) -> None:
    fake = use_fake(name)
    with pytest.raises(ProviderError) as caught:
        get_provider().translate([SOURCE], code, TERMS)
    assert caught.value.kind == "language" and fake.received == []
