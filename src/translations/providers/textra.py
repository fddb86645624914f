"""NICT みんなの自動翻訳@TexTra: OAuth2 client credentials, then a form post per text."""

from __future__ import annotations

from typing import Any

import requests

from translations.providers.base import (
    AUTH,
    FAILED,
    LANGUAGE,
    QUOTA,
    TIMEOUT,
    Provider,
    ProviderError,
)

DEFAULT_URL = "https://mt-auto-minhon-mlt.ucri.jgn-x.jp"
# TexTra's result codes (the API's published list): key, name and token errors; the daily
# limit; an API name or parameter (language pair) it does not offer.
_CODES = {
    500: AUTH,
    501: AUTH,
    510: AUTH,
    511: AUTH,
    502: QUOTA,
    504: LANGUAGE,
    505: LANGUAGE,
}


class TexTraProvider(Provider):
    name = "textra"
    codes = {
        "en": "en",
        "zh-hans": "zh-CN",
        "zh-hant": "zh-TW",
        "ko": "ko",
        "vi": "vi",
        "ne": "ne",
        "id": "id",
        "fil": "fp",
        "my": "my",
        "th": "th",
        "pt-br": "pt",
        "es": "es",
    }
    # The glossary is the city's term list registered in TexTra (TABUNKA_MT_TERM_ID).
    glossary_languages = frozenset(codes)

    def _post(self, path: str, data: dict[str, str]) -> Any:
        url = (self.config.url or DEFAULT_URL).rstrip("/") + path
        try:
            response = requests.post(url, data=data, timeout=self.config.timeout)
        except requests.Timeout as error:
            raise ProviderError(TIMEOUT, f"TexTra did not answer in time: {error}") from error
        except requests.RequestException as error:
            raise ProviderError(FAILED, str(error)) from error
        if response.status_code in (401, 403):
            raise ProviderError(AUTH, response.text[:200])
        if response.status_code != 200:
            raise ProviderError(FAILED, f"HTTP {response.status_code}: {response.text[:200]}")
        return response.json()

    def _token(self) -> str:
        answer = self._post(
            "/oauth2/token.php",
            {
                "grant_type": "client_credentials",
                "client_id": self.config.key,
                "client_secret": self.config.secret,
            },
        )
        if "access_token" not in answer:
            raise ProviderError(AUTH, str(answer.get("error_description") or answer))
        return str(answer["access_token"])

    def _translate(self, texts: list[str], target: str, glossary: dict[str, str]) -> list[str]:
        token = self._token()
        out = []
        for text in texts:
            data = {
                "access_token": token,
                "key": self.config.key,
                "name": self.config.user,
                "type": "json",
                "text": text,
            }
            term_id = self.config.options.get("term_id", "")
            if glossary and term_id:
                data["term_id"] = term_id
            answer = self._post(f"/api/mt/generalNT_ja_{target}/", data)
            result = answer.get("resultset", {})
            code = int(result.get("code", -1))
            if code != 0:
                kind = _CODES.get(code, FAILED)
                raise ProviderError(kind, f"TexTra {code}: {result.get('message', '')}")
            out.append(str(result["result"]["text"]))
        return out
