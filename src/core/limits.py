"""Per-client rate limits in Django's cache: `hit()` counts a request and raises `RateLimited`.

A limit is a fixed window per scope and client address: the first request of a window adds the
counter (`cache.add`, atomic) and every request increments it (`cache.incr`, atomic in the
local-memory cache, Redis and memcached), so concurrent requests never both pass the last free
place. Keys hold a keyed hash of the address, never the address itself.

The default cache (no CACHES setting) is local memory: one counter per process, so with N server
processes a client gets up to N times the limit. A shared cache (TABUNKA_CACHE_URL=redis://...)
makes it one counter for the site; see docs/security.md.

The client address is REMOTE_ADDR unless a trusted proxy header is configured:
TABUNKA_TRUSTED_PROXY_HEADER (e.g. "X-Forwarded-For") and TABUNKA_TRUSTED_PROXIES, either a number
of proxies in front of the server (the client is that many hops from the right of the chain) or
networks (the client is the right-most address outside them, and the header is read only when
REMOTE_ADDR itself is inside them). Without both settings the header is ignored: anyone can send it.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import ipaddress
import math
import time
from collections.abc import Callable, Sequence

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

# (requests, seconds) per scope; settings.TABUNKA_RATE_LIMITS overrides single entries.
DEFAULT_LIMITS: dict[str, tuple[int, int]] = {
    # Above the hourly number that flags a case (TABUNKA_CONSULT_RATE_LIMIT): a family or a class
    # behind one address sends a few; a flood is stopped.
    "intake": (20, 3600),
    # A person typing questions asks a few a minute; a script asking distinct questions is stopped.
    "faq": (30, 60),
}

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class RateLimited(Exception):  # noqa: N818 - the name says what happened, as Http404 does
    """Raised when a client has used up a scope's requests; retry_after is in seconds."""

    def __init__(self, scope: str, retry_after: int) -> None:
        super().__init__(f"rate limit for {scope}; retry after {retry_after} s")
        self.scope = scope
        self.retry_after = retry_after


def limit_for(scope: str) -> tuple[int, int]:
    """Return (requests, window in seconds) for a scope."""
    configured = getattr(settings, "TABUNKA_RATE_LIMITS", {}) or {}
    requests, window = configured.get(scope, DEFAULT_LIMITS[scope])
    return int(requests), int(window)


def _trusted() -> tuple[int, list[Network]]:
    """Return the number of trusted proxies or their networks (one of the two is empty)."""
    raw = getattr(settings, "TABUNKA_TRUSTED_PROXIES", "")
    items: Sequence[str] = raw.split(",") if isinstance(raw, str) else [str(x) for x in raw]
    items = [item.strip() for item in items if item.strip()]
    if len(items) == 1 and items[0].isdecimal():
        return int(items[0]), []
    return 0, [ipaddress.ip_network(item, strict=False) for item in items]


def _is_in(address: str, networks: list[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(request: HttpRequest) -> str:
    """Return the client's address, from the trusted proxy header only when one is configured."""
    remote = str(request.META.get("REMOTE_ADDR", ""))
    header = getattr(settings, "TABUNKA_TRUSTED_PROXY_HEADER", "")
    count, networks = _trusted()
    if not header or not (count or networks):
        return remote
    value = str(request.META.get("HTTP_" + header.upper().replace("-", "_"), ""))
    chain = [part.strip() for part in value.split(",") if part.strip()] + [remote]
    if count:
        # The proxies appended the last `count` entries; anything further left is the client's word.
        return chain[-(count + 1)] if len(chain) > count else chain[0]
    if not _is_in(remote, networks):
        return remote  # not sent through our proxy: the header is whatever the client wrote
    for address in reversed(chain):
        if not _is_in(address, networks):
            return address
    return chain[0]


def address_hash(address: str) -> str:
    """Return a keyed hash of an address: enough to count, not to find the person."""
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def hit(
    request: HttpRequest, scope: str, limit: int | None = None, window: int | None = None
) -> int:
    """Count one request of this client in scope; return the count or raise RateLimited."""
    default_limit, default_window = limit_for(scope)
    limit = default_limit if limit is None else limit
    window = default_window if window is None else window
    now = time.time()
    start = int(now // window) * window
    key = f"rl:{scope}:{address_hash(client_address(request))[:32]}:{start}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this request opens the window
        cache.add(key, 1, timeout=window + 5)
        count = 1
    if count > limit:
        raise RateLimited(scope, max(1, math.ceil(start + window - now)))
    return count


def message(exc: RateLimited) -> str:
    """Return the throttle explanation in the active language."""
    # A clock time in Japan, not "in N minutes": no plural forms, and it stays true when read later.
    at = timezone.localtime() + datetime.timedelta(seconds=exc.retry_after + 59)  # round up
    return _(
        "Too many requests came from your connection. Please try again after %(time)s, "
        "or call the Consultation Plaza."
    ) % {"time": f"{at.hour}:{at.minute:02d}"}


def response(request: HttpRequest, exc: RateLimited) -> HttpResponse:
    """Return the 429 answer: JSON for /api/, else the error page with the Plaza's phone."""
    code = getattr(request, "LANGUAGE_CODE", "") or settings.LANGUAGE_CODE
    with translation.override(code):
        text = message(exc)
        if request.path.startswith("/api/"):
            answer: HttpResponse = JsonResponse(
                {"code": "rate_limited", "message": text, "retry_after": exc.retry_after},
                status=429,
                json_dumps_params={"ensure_ascii": False},
            )
        else:
            html = render_to_string(
                "core/error.html",
                {"status": 429, "heading": _("Please wait a little."), "explanation": text},
                request=request,
            )
            answer = HttpResponse(html, status=429)
    answer["Retry-After"] = str(exc.retry_after)
    answer["Cache-Control"] = "no-store"
    return answer


class RateLimitMiddleware:
    """Turn a RateLimited raised by any view into its 429 answer."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, RateLimited):
            return response(request, exception)
        return None
