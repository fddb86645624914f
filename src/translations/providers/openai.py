"""An OpenAI-compatible chat endpoint (vLLM, llama.cpp, Ollama); the glossary is in the prompt."""

from __future__ import annotations

from typing import Any

import requests

from core import languages
from translations.providers.base import (
    FAILED,
    TIMEOUT,
    Provider,
    ProviderError,
    http_error,
)

PROMPT = (
    "You translate notices of Kumamoto City Hall from Japanese into {language} for residents. "
    "Keep names, numbers, dates, amounts and placeholders such as %(name)s unchanged. "
    "Reply with the translation only."
)
EASY_PROMPT = (
    "You rewrite notices of Kumamoto City Hall in Easy Japanese (やさしい日本語): short "
    "sentences, everyday words, no honorifics. Reply with the rewritten text only."
)


class OpenAIProvider(Provider):
    name = "openai"
    codes = {c: languages.BY_CODE[c].english for c in languages.TARGETS}
    glossary_languages = frozenset(codes)

    def _translate(self, texts: list[str], target: str, glossary: dict[str, str]) -> list[str]:
        return [self._one(text, target, glossary) for text in texts]

    def _one(self, text: str, target: str, glossary: dict[str, str]) -> str:
        system = EASY_PROMPT if target == "Easy Japanese" else PROMPT.format(language=target)
        if glossary:
            lines = "\n".join(f"- {ja} → {tr}" for ja, tr in glossary.items())
            system += f"\nAlways translate these terms exactly like this:\n{lines}"
        payload: dict[str, Any] = {
            "model": self.config.user or "default",
            "temperature": 0,
            "messages": [
                {"role": "system", "content": system},
                {"role": "user", "content": text},
            ],
        }
        base = (self.config.url or "http://127.0.0.1:8080").rstrip("/")
        url = base + ("/chat/completions" if base.endswith("/v1") else "/v1/chat/completions")
        headers = {"Authorization": f"Bearer {self.config.key}"} if self.config.key else {}
        try:
            response = requests.post(
                url, json=payload, headers=headers, timeout=self.config.timeout
            )
        except requests.Timeout as error:
            raise ProviderError(TIMEOUT, str(error)) from error
        except requests.RequestException as error:
            raise ProviderError(FAILED, str(error)) from error
        if response.status_code != 200:
            try:
                detail = str(response.json().get("error", {}).get("message", response.text))
            except ValueError:
                detail = response.text[:200]
            raise http_error(response.status_code, detail)
        choices = response.json().get("choices") or []
        if not choices:
            raise ProviderError(FAILED, "The model returned no answer.")
        return str(choices[0]["message"]["content"]).strip()
