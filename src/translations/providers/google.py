"""Google Cloud Translation v3 through its official client (REST transport, `api_endpoint`)."""

from __future__ import annotations

import google.auth
import google.auth.exceptions
from google.api_core import exceptions as gexc
from google.api_core.client_options import ClientOptions
from google.auth.credentials import AnonymousCredentials, Credentials
from google.cloud import translate_v3

from translations.providers.base import (
    AUTH,
    FAILED,
    LANGUAGE,
    QUOTA,
    TIMEOUT,
    Provider,
    ProviderError,
)

# The REST transport raises by HTTP status (Unauthorized, TooManyRequests, BadRequest…).
_BY_STATUS = {401: AUTH, 403: AUTH, 429: QUOTA, 408: TIMEOUT, 504: TIMEOUT}


class GoogleProvider(Provider):
    name = "google"
    codes = {
        "en": "en",
        "zh-hans": "zh-CN",
        "zh-hant": "zh-TW",
        "ko": "ko",
        "vi": "vi",
        "ne": "ne",
        "id": "id",
        "fil": "tl",
        "my": "my",
        "th": "th",
        "pt-br": "pt",
        "es": "es",
    }
    # v3 glossaries are resources the city creates from our CSV export (see docs/translations.md).
    glossary_languages = frozenset(codes)

    def _parent(self) -> str:
        project, _, location = (self.config.user or "tabunka").partition("/")
        return f"projects/{project}/locations/{location or 'global'}"

    def _client(self) -> translate_v3.TranslationServiceClient:
        credentials: Credentials
        options = None
        if self.config.url:
            # A URL means a local test server or a proxy that authenticates by itself.
            credentials = AnonymousCredentials()
            options = ClientOptions(api_endpoint=self.config.url)
        else:
            credentials, _ = google.auth.default()
        return translate_v3.TranslationServiceClient(
            credentials=credentials, transport="rest", client_options=options
        )

    def _translate(self, texts: list[str], target: str, glossary: dict[str, str]) -> list[str]:
        parent = self._parent()
        request: dict[str, object] = {
            "parent": parent,
            "contents": texts,
            "mime_type": "text/plain",
            "source_language_code": "ja",
            "target_language_code": target,
        }
        if glossary and self.config.options.get("google_glossary", "1") == "1":
            request["glossary_config"] = {"glossary": f"{parent}/glossaries/tabunka-ja-{target}"}
        try:
            response = self._client().translate_text(
                request=request, retry=None, timeout=self.config.timeout
            )
        except gexc.GoogleAPICallError as error:
            kind = _BY_STATUS.get(int(error.code or 0), FAILED)
            if error.code == 400 and "language" in str(error.message).lower():
                kind = LANGUAGE
            raise ProviderError(kind, str(error)) from error
        except google.auth.exceptions.GoogleAuthError as error:
            # A 401 makes the session refresh its credentials; failing that is an auth error.
            raise ProviderError(AUTH, str(error)) from error
        except Exception as error:  # the REST transport lets requests' timeouts through
            if "timed out" in str(error).lower() or "timeout" in type(error).__name__.lower():
                raise ProviderError(TIMEOUT, str(error)) from error
            raise ProviderError(FAILED, str(error)) from error
        chosen = response.glossary_translations or response.translations
        return [t.translated_text for t in chosen]
