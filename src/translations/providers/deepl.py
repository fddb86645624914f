"""DeepL through its official client, pointed at `server_url`; glossaries via /v2/glossaries."""

from __future__ import annotations

import deepl
from deepl import http_client

from translations.providers.base import (
    AUTH,
    FAILED,
    LANGUAGE,
    QUOTA,
    TIMEOUT,
    Provider,
    ProviderError,
)


class DeepLProvider(Provider):
    name = "deepl"
    codes = {
        "en": "EN-US",
        "zh-hans": "ZH-HANS",
        "zh-hant": "ZH-HANT",
        "ko": "KO",
        "vi": "VI",
        "ne": "NE",
        "id": "ID",
        "fil": "TL",
        "my": "MY",
        "th": "TH",
        "pt-br": "PT-BR",
        "es": "ES",
    }
    # DeepL has no glossaries for Thai, Nepali, Tagalog and Burmese.
    glossary_languages = frozenset({"en", "zh-hans", "zh-hant", "ko", "vi", "id", "pt-br", "es"})

    def _translate(self, texts: list[str], target: str, glossary: dict[str, str]) -> list[str]:
        # The client's retries with back-off would turn one timeout into minutes.
        http_client.max_network_retries = 0
        http_client.min_connection_timeout = self.config.timeout
        translator = deepl.Translator(self.config.key, server_url=self.config.url or None)
        try:
            glossary_id = None
            if glossary:
                info = translator.create_glossary("tabunka", "JA", target, glossary)
                glossary_id = info.glossary_id
            results = translator.translate_text(
                texts, source_lang="JA", target_lang=target, glossary=glossary_id
            )
            if glossary_id:
                translator.delete_glossary(glossary_id)
        except deepl.AuthorizationException as error:
            raise ProviderError(AUTH, str(error)) from error
        except (deepl.QuotaExceededException, deepl.TooManyRequestsException) as error:
            raise ProviderError(QUOTA, str(error)) from error
        except deepl.ConnectionException as error:
            raise ProviderError(TIMEOUT, str(error)) from error
        except deepl.DeepLException as error:
            kind = LANGUAGE if "target_lang" in str(error) else FAILED
            raise ProviderError(kind, str(error)) from error
        finally:
            translator.close()
        return [r.text for r in (results if isinstance(results, list) else [results])]
