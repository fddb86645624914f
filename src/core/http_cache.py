"""HTTP caching of public pages: validators, 304 answers and Cache-Control for shared caches.

Public pages that are the same for everyone get `Cache-Control: public, max-age=60,
stale-while-revalidate=300`: nginx (`proxy_cache`) or a CDN may keep them a minute, and a purge
path (notices.cache.purge) drops them sooner on a change. A response that sets a cookie (a
counted arrival, a furigana choice) is `private`: shared caches must not hand one browser's
cookie to another. Staff and personal pages never pass through here (core.security adds
no-store there).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

PUBLIC_MAX_AGE = 60
STALE_WHILE_REVALIDATE = 300


def finish_public(
    request: HttpRequest, response: HttpResponse, etag: str, last_modified: float
) -> HttpResponse:
    """Add ETag, Last-Modified, Vary and Cache-Control; answer 304 when the client is current."""
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    # The language comes from ?lang=, the language cookie or Accept-Language.
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    if response.cookies:
        patch_cache_control(response, private=True, max_age=0, must_revalidate=True)
    else:
        patch_cache_control(
            response,
            public=True,
            max_age=PUBLIC_MAX_AGE,
            stale_while_revalidate=STALE_WHILE_REVALIDATE,
        )
    conditional = get_conditional_response(
        request, etag=etag, last_modified=int(last_modified), response=response
    )
    return conditional if conditional is not None else response
