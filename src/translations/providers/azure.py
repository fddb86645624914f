"""Azure AI Translator through `azure-ai-translation-text` 2.x, pointed at `endpoint`."""

from __future__ import annotations

import re

from azure.ai.translation.text import TextTranslationClient
from azure.core.credentials import AzureKeyCredential
from azure.core.exceptions import HttpResponseError, ServiceRequestError, ServiceResponseError
from django.utils.html import escape

from translations.providers.base import (
    AUTH,
    FAILED,
    LANGUAGE,
    QUOTA,
    TIMEOUT,
    Provider,
    ProviderError,
)

_DICTIONARY = re.compile(r'<mstrans:dictionary translation="[^"]*">(.*?)</mstrans:dictionary>')


class AzureProvider(Provider):
    name = "azure"
    codes = {
        "en": "en",
        "zh-hans": "zh-Hans",
        "zh-hant": "zh-Hant",
        "ko": "ko",
        "vi": "vi",
        "ne": "ne",
        "id": "id",
        "fil": "fil",
        "my": "my",
        "th": "th",
        "pt-br": "pt",
        "es": "es",
    }
    # The dynamic dictionary works only when English is the source or the target.
    glossary_languages = frozenset({"en"})

    def _translate(self, texts: list[str], target: str, glossary: dict[str, str]) -> list[str]:
        client = TextTranslationClient(
            endpoint=self.config.url or "https://api.cognitive.microsofttranslator.com",
            credential=AzureKeyCredential(self.config.key),
            region=self.config.user or None,
            retry_total=0,
        )
        body = [_mark_terms(text, glossary) for text in texts]
        try:
            items = client.translate(
                body=body,
                to_language=[target],
                from_language="ja",
                connection_timeout=self.config.timeout,
                read_timeout=self.config.timeout,
            )
        except HttpResponseError as error:
            raise ProviderError(_kind(error), str(error.message or error)) from error
        except (ServiceRequestError, ServiceResponseError) as error:
            raise ProviderError(TIMEOUT, str(error)) from error
        finally:
            client.close()
        return [_DICTIONARY.sub(r"\1", item.translations[0].text) for item in items]


def _mark_terms(text: str, glossary: dict[str, str]) -> str:
    """Return the text with glossary terms wrapped in Azure's dynamic-dictionary markup."""
    for term in sorted(glossary, key=len, reverse=True):
        if term in text:
            mark = f'<mstrans:dictionary translation="{escape(glossary[term])}">{term}'
            text = text.replace(term, mark + "</mstrans:dictionary>")
    return text


def _kind(error: HttpResponseError) -> str:
    code = str(getattr(error.error, "code", "") or "")
    if error.status_code == 401:
        return AUTH
    if error.status_code in (403, 429) or code.startswith(("403", "429")):
        return QUOTA
    if code in ("400035", "400036") or "language" in str(error.message).lower():
        return LANGUAGE
    return FAILED
