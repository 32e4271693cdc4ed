"""The page cache for readers without a session (see docs/operating.md, "Page cache").

A guest's GET of a page named in scopes.PAGES is answered from the cache when a copy kept under
the current versions of its scopes exists; otherwise the page is built as usual and kept for
PAGE_CACHE_SECONDS. A request with a session cookie, a message waiting or an Authorization
header is never answered from the cache and its page is never kept; its response says
`Cache-Control: private`, so no proxy keeps it either — nor any other answer that is not a
kept page, unless its view set Cache-Control itself.

Placed first of all middleware, and keeping the headers the rest of the chain gave the page
(security headers, CSP): a hit computes the key from the environ, reads the kept page and the
versions of its scopes (from this process's memory while nothing has changed: versions.py),
counts a hit for a reading page, and answers, nothing else.
"""

from __future__ import annotations

import hashlib
import time
from typing import NamedTuple

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.http.cookie import parse_cookie
from django.urls import Resolver404, get_resolver
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from ficarchive.accounts.middleware import ADULT_COOKIE, GUEST_THEME_COOKIE
from ficarchive.core import counters
from ficarchive.core.replica import COOKIE as REPLICA_COOKIE
from ficarchive.core.replica import read_from_replica
from ficarchive.core.signals import work_read
from ficarchive.core.site_settings import BANNER_COOKIE
from ficarchive.discovery.blocklist import GUEST_COOKIE

from . import versions
from .scopes import PAGES

# Cookies that change what a guest sees: they are part of a page's key.
KEYED_COOKIES = (GUEST_THEME_COOKIE, GUEST_COOKIE, ADULT_COOKIE, BANNER_COOKIE)
# Cookies that mean the page is someone's own: never cached. REPLICA_COOKIE: this browser wrote
# a moment ago, and must see its write, which a kept page may not show yet.
PRIVATE_COOKIES = (settings.SESSION_COOKIE_NAME, "messages", REPLICA_COOKIE)
# Headers a kept page is answered without: the cache sets its own.
# Where a proxy in front says the request came over HTTPS (settings.SECURE_PROXY_SSL_HEADER).
PROXY_SCHEME_HEADER = (getattr(settings, "SECURE_PROXY_SSL_HEADER", None) or ("",))[0]
OWN_HEADERS = {"cache-control", "etag", "last-modified", "expires", "vary", "x-page-cache"}


class Entry(NamedTuple):
    versions: tuple
    status: int
    headers: tuple
    body: bytes
    etag: str
    stored_at: float
    reading: tuple | None  # (work id, chapter id) when serving it counts a hit
    scopes: tuple = ()  # what the page depends on, in the order of `versions`
    seconds: int = 0  # how long it is kept (0: PAGE_CACHE_SECONDS)


def page_key(meta: dict) -> str | None:
    """The key a guest's GET of this address is kept under; None when the request may not be
    answered from the cache (not a GET, a session, a message waiting, an Authorization header).
    Read from the WSGI environ alone, so that it costs no URL resolving: which pages are kept
    at all is decided when one is built (scopes.PAGES)."""
    if meta.get("REQUEST_METHOD") not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in meta:
        return None
    cookies = parse_cookie(meta.get("HTTP_COOKIE", ""))
    if any(name in cookies for name in PRIVATE_COOKIES):
        return None
    parts = [
        meta.get("wsgi.url_scheme", ""),
        meta.get(PROXY_SCHEME_HEADER, "") if PROXY_SCHEME_HEADER else "",
        meta.get("HTTP_HOST", ""),
        meta.get("PATH_INFO", ""),
        meta.get("QUERY_STRING", ""),
        *(cookies.get(name, "") for name in KEYED_COOKIES),
    ]
    return hashlib.blake2b("\x00".join(parts).encode(), digest_size=20).hexdigest()


def page_scopes(request) -> list[str] | None:
    """The scopes of the page this request asks for, when it is one that is kept."""
    try:
        match = get_resolver().resolve(request.path_info)
    except Resolver404:
        return None
    scopes_of = PAGES.get(match.url_name)
    return None if scopes_of is None else scopes_of(match.kwargs)


def _public(response) -> None:
    seconds = settings.PAGE_CACHE_PROXY_SECONDS
    shared = f", s-maxage={seconds}" if seconds else ""
    response["Cache-Control"] = f"public, max-age=0{shared}, must-revalidate"
    patch_vary_headers(response, ("Cookie",))


def _private(response) -> None:
    if "Cache-Control" not in response:
        response["Cache-Control"] = "private, no-cache"
    patch_vary_headers(response, ("Cookie",))


def answer_kept(request, entry: Entry) -> HttpResponse:
    if entry.reading is not None:
        if not hasattr(request, "user"):
            request.user = AnonymousUser()
        work_id, chapter_id = entry.reading
        work_read.send(sender=None, request=request, work_id=work_id, chapter_id=chapter_id)
    conditional = get_conditional_response(
        request, etag=entry.etag, last_modified=int(entry.stored_at)
    )
    response = conditional or HttpResponse(entry.body, status=entry.status)
    for name, value in entry.headers:
        if conditional is None or name.lower() not in ("content-type", "content-length"):
            response[name] = value
    response["ETag"] = entry.etag
    response["Last-Modified"] = http_date(entry.stored_at)
    _public(response)
    response["X-Page-Cache"] = "hit"
    counters.count(counters.PAGE_CACHE_HIT)
    return response


def keepable_answer(request, response) -> bool:
    """A page that may be kept at all: a GET's plain 200 that sets no cookie and whose view
    said nothing of caching."""
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "Cache-Control" not in response
    )


def _keepable(request, response) -> bool:
    user = getattr(request, "user", None)
    return keepable_answer(request, response) and not (user is not None and user.is_authenticated)


def _keep(request, key: str, scopes: list[str], current: tuple, response) -> HttpResponse:
    body = response.content
    etag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
    stored_at = time.time()
    headers = tuple((n, v) for n, v in response.items() if n.lower() not in OWN_HEADERS)
    reading = getattr(request, "page_cache_reading", None)
    # A page drawn from a read replica may miss the change that made its versions: kept only as
    # long as the replica may lag (core/replica.py).
    seconds = 0
    if read_from_replica():
        seconds = min(settings.PAGE_CACHE_SECONDS, settings.REPLICA_MAX_LAG_SECONDS) or 1
    entry = Entry(
        versions.settle(scopes, current), response.status_code, headers, body, etag,
        stored_at, reading, tuple(scopes), seconds,
    )  # fmt: skip
    versions.keep(key, entry)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(stored_at)
    _public(response)
    response["X-Page-Cache"] = "miss"
    counters.count(counters.PAGE_CACHE_MISS)
    return get_conditional_response(request, etag=etag) or response


def page_cache_middleware(get_response):
    def middleware(request):
        key = page_key(request.META) if settings.PAGE_CACHE_SECONDS > 0 else None
        if key is not None:
            entry = versions.lookup(key)
            if entry is not None:
                return answer_kept(request, entry)
        scopes = page_scopes(request) if key is not None else None
        if scopes is None:
            response = get_response(request)
            _private(response)  # unless the view said otherwise: no proxy keeps it
            return response
        current = versions.current(scopes)  # before the page is built from the rows
        response = get_response(request)
        if _keepable(request, response):
            return _keep(request, key, scopes, current, response)
        _private(response)
        return response

    return middleware
