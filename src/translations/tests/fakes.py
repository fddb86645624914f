"""Local fake servers speaking each provider's documented wire format, with its error answers."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

SLOW = 1.5  # seconds a "timeout" fake waits; tests set TABUNKA_MT_TIMEOUT well below


@dataclass
class Received:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: Any  # parsed JSON, parsed form, or raw text


Reply = tuple[int, Any]  # status, JSON-able body (None = empty)


@dataclass
class Fake:
    """One provider's server: `mode` chooses the answer (ok, auth, quota, language, timeout)."""

    answer: Callable[[Fake, Received], Reply]
    mode: str = "ok"
    received: list[Received] = field(default_factory=list)
    url: str = ""

    def bodies(self, path_part: str) -> list[Any]:
        return [r.body for r in self.received if path_part in r.path]


def _handler(fake: Fake) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _serve(self) -> None:
            split = urlsplit(self.path)
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
            kind = self.headers.get("Content-Type", "")
            body: Any = raw
            if "json" in kind and raw:
                body = json.loads(raw)
            elif "form" in kind:
                body = {k: v[0] for k, v in parse_qs(raw).items()}
            got = Received(
                self.command, split.path, parse_qs(split.query), dict(self.headers), body
            )
            fake.received.append(got)
            if fake.mode == "timeout":
                time.sleep(SLOW)
            status, payload = fake.answer(fake, got)
            data = b"" if payload is None else json.dumps(payload).encode()
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except OSError:  # the client gave up (timeout test)
                pass

        do_GET = do_POST = do_DELETE = _serve  # noqa: N815

    return Handler


@contextmanager
def serve(answer: Callable[[Fake, Received], Reply]) -> Iterator[Fake]:
    fake = Fake(answer)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(fake))
    server.daemon_threads = True
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()


def fake_translate(text: str, target: str, glossary: dict[str, str]) -> str:
    """Return a recognisable 'translation' that honours the glossary."""
    for term, translation in glossary.items():
        text = text.replace(term, translation)
    return f"[{target}] {text}"


# --- DeepL: POST /v2/glossaries (tsv), POST /v2/translate, DELETE /v2/glossaries/{id} ---------
def deepl(fake: Fake, got: Received) -> Reply:
    if (
        not got.headers.get("Authorization", "").startswith("DeepL-Auth-Key ")
        or fake.mode == "auth"
    ):
        return 403, {"message": "Wrong endpoint or invalid authentication key"}
    if fake.mode == "quota":
        return 456, {"message": "Quota Exceeded"}
    if got.path == "/v2/glossaries" and got.method == "POST":
        entries = dict(line.split("\t") for line in got.body["entries"].splitlines() if line)
        fake.__dict__.setdefault("glossaries", {})["g-1"] = entries
        return 201, {
            "glossary_id": "g-1",
            "name": got.body["name"],
            "ready": True,
            "source_lang": got.body["source_lang"].lower(),
            "target_lang": got.body["target_lang"].lower(),
            "creation_time": "2026-11-28T10:00:00.000000Z",
            "entry_count": len(entries),
        }
    if got.path.startswith("/v2/glossaries/") and got.method == "DELETE":
        return 204, None
    if got.path == "/v2/translate":
        if fake.mode == "language":
            return 400, {"message": "Value for 'target_lang' not supported."}
        entries = fake.__dict__.get("glossaries", {}).get(got.body.get("glossary_id"), {})
        target = got.body["target_lang"]
        return 200, {
            "translations": [
                {
                    "detected_source_language": "JA",
                    "text": fake_translate(t, target, entries),
                    "billed_characters": len(t),
                }
                for t in got.body["text"]
            ]
        }
    return 404, {"message": "Not found"}


# --- Google v3: POST /v3/projects/P/locations/L:translateText ----------------------------------
def google(fake: Fake, got: Received) -> Reply:
    def error(code: int, status: str, message: str) -> Reply:
        return code, {"error": {"code": code, "message": message, "status": status}}

    if fake.mode == "auth":
        return error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.")
    if fake.mode == "quota":
        return error(429, "RESOURCE_EXHAUSTED", "Quota exceeded for quota metric 'v3 requests'.")
    if fake.mode == "language":
        return error(400, "INVALID_ARGUMENT", "Target language is invalid.")
    if not got.path.endswith(":translateText"):
        return error(404, "NOT_FOUND", "Not found")
    target = got.body["targetLanguageCode"]
    plain = [{"translatedText": fake_translate(t, target, {})} for t in got.body["contents"]]
    answer: dict[str, Any] = {"translations": plain}
    if "glossaryConfig" in got.body:
        terms = fake.__dict__.get("glossary", {})
        answer["glossaryTranslations"] = [
            {
                "translatedText": fake_translate(t, target, terms),
                "glossaryConfig": got.body["glossaryConfig"],
            }
            for t in got.body["contents"]
        ]
    return 200, answer


# --- Azure AI Translator 2.x: POST /translate?api-version=… {"inputs": […]} ---------------------
def azure(fake: Fake, got: Received) -> Reply:
    if fake.mode == "auth" or "Ocp-Apim-Subscription-Key" not in got.headers:
        return 401, {"error": {"code": "401000", "message": "The request is not authorized."}}
    if fake.mode == "quota":
        return 429, {"error": {"code": "429000", "message": "The server rejected the request."}}
    if fake.mode == "language":
        return 400, {"error": {"code": "400036", "message": "The target language is not valid."}}
    out = []
    for item in got.body["inputs"]:
        text = item["text"]
        # Honour the dynamic dictionary as the service does: the marked translation is used.
        import re

        text = re.sub(
            r'<mstrans:dictionary translation="([^"]*)">.*?</mstrans:dictionary>', r"\1", text
        )
        out.append(
            {
                "translations": [
                    {"language": t["language"], "text": fake_translate(text, t["language"], {})}
                    for t in item["targets"]
                ]
            }
        )
    return 200, {"value": out}


# --- TexTra: POST /oauth2/token.php, POST /api/mt/generalNT_ja_xx/ (form, type=json) ----------
def textra(fake: Fake, got: Received) -> Reply:
    if got.path == "/oauth2/token.php":
        if fake.mode == "auth" or got.body.get("grant_type") != "client_credentials":
            return 401, {
                "error": "invalid_client",
                "error_description": "The client credentials are invalid",
            }
        return 200, {"access_token": "tok-1", "token_type": "Bearer", "expires_in": 86400}

    def result(code: int, message: str, text: str = "") -> Reply:
        body: dict[str, Any] = {
            "code": code,
            "message": message,
            "request": {"text": got.body.get("text", "")},
        }
        if text:
            body["result"] = {"text": text, "blank": 0}
        return 200, {"resultset": body}

    if got.body.get("access_token") != "tok-1":
        return result(510, "access token error")
    if fake.mode == "quota":
        return result(502, "request limit exceeded")
    if fake.mode == "language":
        return result(505, "api_param error")
    target = got.path.rstrip("/").rsplit("_", 1)[-1]
    terms = fake.__dict__.get("glossary", {}) if got.body.get("term_id") else {}
    return result(0, "", fake_translate(got.body["text"], target, terms))


# --- LibreTranslate: POST /translate {q, source, target, format, api_key} -----------------------
def libretranslate(fake: Fake, got: Received) -> Reply:
    if fake.mode == "auth":
        return 403, {"error": "Invalid API key"}
    if fake.mode == "quota":
        return 429, {"error": "Slowdown: 30 per 1 minute"}
    if fake.mode == "language":
        return 400, {"error": f"{got.body['target']} is not supported"}
    q = got.body["q"]
    texts = q if isinstance(q, list) else [q]
    out = [fake_translate(t, got.body["target"], {}) for t in texts]
    if fake.mode == "unstorable":  # JSON may carry \u0000 or a lone \ud800; a server may send it
        out = [o + fake.__dict__.get("bad", "\x00") for o in out]
    return 200, {"translatedText": out if isinstance(q, list) else out[0]}


# --- OpenAI-compatible: POST /v1/chat/completions ---------------------------------------------
def openai(fake: Fake, got: Received) -> Reply:
    if fake.mode == "auth":
        return 401, {
            "error": {
                "message": "Incorrect API key provided",
                "type": "invalid_request_error",
                "code": "invalid_api_key",
            }
        }
    if fake.mode == "quota":
        return 429, {
            "error": {
                "message": "You exceeded your current quota",
                "type": "insufficient_quota",
                "code": "insufficient_quota",
            }
        }
    if fake.mode == "language":
        return 400, {
            "error": {"message": "model_not_found", "type": "invalid_request_error", "code": None}
        }
    messages = got.body["messages"]
    content = fake_translate(messages[-1]["content"], "llm", {})
    return 200, {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "model": got.body["model"],
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
    }
