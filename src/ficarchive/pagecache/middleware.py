"""The page cache for readers without a session (see docs/operating.md, "Page cache").

A guest's GET of a page named in scopes.PAGES is answered from the cache when a copy kept under
the current versions of its scopes exists; otherwise the page is built as usual and kept for
PAGE_CACHE_SECONDS. A request with a session cookie, a message waiting or an Authorization
header is never answered from the cache and its page is never kept; its response says
`Cache-Control: private`, so no proxy keeps it either — nor any other answer that is not a
kept page, unless its view set Cache-Control itself.

Placed before the session middleware: a hit reads two cache keys (one round trip with Redis)
and builds a response, nothing else.
"""

from __future__ import annotations

import hashlib
import time
from typing import NamedTuple

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.urls import Resolver404, get_resolver
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from ficarchive.accounts.middleware import ADULT_COOKIE, GUEST_THEME_COOKIE
from ficarchive.core.signals import work_read
from ficarchive.discovery.blocklist import GUEST_COOKIE

from . import versions
from .scopes import PAGES

# Cookies that change what a guest sees: they are part of a page's key.
KEYED_COOKIES = (GUEST_THEME_COOKIE, GUEST_COOKIE, ADULT_COOKIE)
# Cookies that mean the page is someone's own: never cached.
PRIVATE_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
# Headers a kept page is answered without: the cache sets its own.
OWN_HEADERS = {"cache-control", "etag", "last-modified", "expires", "vary", "x-page-cache"}


class Entry(NamedTuple):
    versions: tuple
    status: int
    headers: tuple
    body: bytes
    etag: str
    stored_at: float
    reading: tuple | None  # (work id, chapter id) when serving it counts a hit


class GuestPage(NamedTuple):
    key: str
    scopes: list[str]
    url_name: str


def guest_page(request) -> GuestPage | None:
    """The page's key and scopes when this request may be answered from the cache."""
    if request.method not in ("GET", "HEAD"):
        return None
    cookies = request.COOKIES
    if any(name in cookies for name in PRIVATE_COOKIES) or "HTTP_AUTHORIZATION" in request.META:
        return None
    try:
        match = get_resolver().resolve(request.path_info)
    except Resolver404:
        return None
    scopes_of = PAGES.get(match.url_name)
    if scopes_of is None:
        return None
    meta = request.META
    parts = [
        request.scheme,
        meta.get("HTTP_HOST", ""),
        request.path_info,
        meta.get("QUERY_STRING", ""),
        *(cookies.get(name, "") for name in KEYED_COOKIES),
    ]
    key = hashlib.blake2b("\x00".join(parts).encode(), digest_size=20).hexdigest()
    return GuestPage(key, scopes_of(match.kwargs), match.url_name)


def _public(response) -> None:
    seconds = settings.PAGE_CACHE_PROXY_SECONDS
    shared = f", s-maxage={seconds}" if seconds else ""
    response["Cache-Control"] = f"public, max-age=0{shared}, must-revalidate"
    patch_vary_headers(response, ("Cookie",))


def _private(response) -> None:
    if "Cache-Control" not in response:
        response["Cache-Control"] = "private, no-cache"
    patch_vary_headers(response, ("Cookie",))


def _answer(request, entry: Entry) -> HttpResponse:
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
    return response


def _keepable(request, response) -> bool:
    user = getattr(request, "user", None)
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "Cache-Control" not in response
        and not (user is not None and user.is_authenticated)
    )


def _keep(request, page: GuestPage, current: tuple, response) -> HttpResponse:
    body = response.content
    etag = '"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"'
    stored_at = time.time()
    headers = tuple((n, v) for n, v in response.items() if n.lower() not in OWN_HEADERS)
    reading = getattr(request, "page_cache_reading", None)
    entry = Entry(
        versions.settle(page.scopes, current), response.status_code, headers, body, etag,
        stored_at, reading,
    )  # fmt: skip
    versions.keep(page.key, entry)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(stored_at)
    _public(response)
    response["X-Page-Cache"] = "miss"
    return get_conditional_response(request, etag=etag) or response


def page_cache_middleware(get_response):
    def middleware(request):
        page = guest_page(request) if settings.PAGE_CACHE_SECONDS > 0 else None
        if page is None:
            response = get_response(request)
            _private(response)  # unless the view said otherwise: no proxy keeps it
            return response
        entry, current = versions.lookup(page.key, page.scopes)
        if entry is not None:
            return _answer(request, entry)
        response = get_response(request)
        if _keepable(request, response):
            return _keep(request, page, current, response)
        _private(response)
        return response

    return middleware
