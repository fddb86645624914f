"""A self-hosted LibreTranslate: POST /translate with JSON."""

from __future__ import annotations

import requests

from translations.providers.base import (
    FAILED,
    LANGUAGE,
    TIMEOUT,
    Provider,
    ProviderError,
    http_error,
)


class LibreTranslateProvider(Provider):
    name = "libretranslate"
    # LibreTranslate's models cover neither Vietnamese, Nepali nor Burmese.
    codes = {
        "en": "en",
        "zh-hans": "zh-Hans",
        "zh-hant": "zh-Hant",
        "ko": "ko",
        "id": "id",
        "fil": "tl",
        "th": "th",
        "pt-br": "pt-BR",
        "es": "es",
    }

    def _translate(self, texts: list[str], target: str, glossary: dict[str, str]) -> list[str]:
        payload = {"q": texts, "source": "ja", "target": target, "format": "text"}
        if self.config.key:
            payload["api_key"] = self.config.key
        url = (self.config.url or "http://127.0.0.1:5000").rstrip("/") + "/translate"
        try:
            response = requests.post(url, json=payload, timeout=self.config.timeout)
        except requests.Timeout as error:
            raise ProviderError(TIMEOUT, str(error)) from error
        except requests.RequestException as error:
            raise ProviderError(FAILED, str(error)) from error
        if response.status_code != 200:
            detail = _error_text(response)
            if response.status_code == 400 and "not supported" in detail:
                raise ProviderError(LANGUAGE, detail)
            raise http_error(response.status_code, detail)
        translated = response.json()["translatedText"]
        return [str(t) for t in translated] if isinstance(translated, list) else [translated]


def _error_text(response: requests.Response) -> str:
    try:
        return str(response.json().get("error", response.text))
    except ValueError:
        return response.text[:200]
