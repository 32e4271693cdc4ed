"""Kept pages for signed-in readers: the shared part of a page, with its personal parts filled
for each reader (see docs/operating.md, "Page cache").

Most of a signed-in reader's page is the same for every reader with the same page-affecting
preferences. The page is kept once per (address, those preferences' digest) under the same
scopes and versions as a guest's page, without its personal parts — the holes of core/holes.py
(the account menu, the banner's form, messages, the site skin, the reader's buttons and place
on a work, the comment form) — which are filled for each request from the reader's own rows.

Never kept for, nor served to: staff (they see more), a work's creators and the writers of the
comments it shows (`core.holes.personal_to`: edit and moderation controls, pending comments), a
browser that wrote a moment ago (the read-replica cookie), a request with an Authorization
header. The reader's digest (`reader_digest`) is their display preferences (already on the
request) and what they mute or hide — muted creators and tags, the work-skin preference — kept
in the cache under a token that every change of those rows replaces.

Placed last of all middleware: the session, the user, the terms gate and the rest have run.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import time
from typing import NamedTuple

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponse
from django.http.cookie import parse_cookie
from django.urls import Resolver404, get_resolver

from ficarchive.accounts.models import Mute
from ficarchive.core import holes, near_cache
from ficarchive.core.replica import COOKIE as REPLICA_COOKIE
from ficarchive.core.replica import read_from_replica
from ficarchive.core.signals import work_read
from ficarchive.discovery.models import MutedTag
from ficarchive.skins.models import SkinPreference
from ficarchive.works.models import Creatorship

from . import versions
from .middleware import KEYED_COOKIES, PROXY_SCHEME_HEADER, keepable_answer
from .scopes import PAGES, READING

TOKEN_PREFIX = "prt:"  # the reader's current token
DIGEST_PREFIX = "prd:"  # (token, digest) of their muted and hidden things
# What a kept shared part must never hold: a form's token, the account menu.
NEVER_SHARED = (b"csrfmiddlewaretoken", b'class="account-menu"')
# The kept pages (scopes.PAGES) whose every difference between signed-in readers is in a hole,
# in the digest, or in `personal_to` (tag pages are not: wranglers see more there).
SIGNED_IN_PAGES = {"work", "chapter", "navigate", "home", "works_index", "works_search", "search"}


class SharedEntry(NamedTuple):
    versions: tuple
    status: int
    headers: tuple
    chunks: tuple  # bytes between the holes: len(holes) + 1 of them
    holes: tuple  # (template name, arguments) of each hole, in order
    stored_at: float
    reading: tuple | None  # (work id, chapter id) when serving it counts a hit
    scopes: tuple
    personal_to: frozenset  # the users it is never served to
    seconds: int = 0  # how long it is kept (0: PAGE_CACHE_SECONDS)


def _cache():
    return caches[settings.PAGE_VERSIONS_ALIAS]


def kudos_scope(work_id) -> str:
    """A work's kudos list, shown on the pages kept for signed-in readers: their own kudos
    must show on their next view (guests' pages may lag by PAGE_CACHE_SECONDS)."""
    return f"k:{work_id}"


def forget_reader(user_id: int) -> None:
    """The reader's muted or hidden things changed: their digest is read again."""

    def replace():
        _cache().set(f"{TOKEN_PREFIX}{user_id}", secrets.token_hex(6), timeout=None)
        near_cache.changed([f"{TOKEN_PREFIX}{user_id}", f"{DIGEST_PREFIX}{user_id}"])

    replace()
    transaction.on_commit(replace)


def _has_own_unlisted_works(user) -> bool:
    """A creator of a work that others can't see, or can't see as theirs (a draft, hidden,
    anonymous, in an unrevealed collection), sees it on lists where others don't."""
    unlisted = (
        Q(work__posted=False) | Q(work__hidden_by_admin=True) | Q(work__anonymous=True)
        | Q(work__unrevealed=True)
    )  # fmt: skip
    own = Creatorship.objects.using("default").filter(pseud__user=user)
    return own.filter(unlisted).exists()


def _digest_of_rows(user) -> str:
    """From the primary: what the reader mutes or hides, which every page they read shows;
    NO_SHARING for a reader whose lists show their own unlisted works."""
    if _has_own_unlisted_works(user):
        return NO_SHARING
    muted_users = Mute.objects.using("default").filter(muter=user).values_list("muted_id")
    muted_tags = MutedTag.objects.using("default").filter(user=user).values_list("tag_id")
    hides = SkinPreference.objects.using("default").filter(user=user, hide_work_skins=True)
    parts = [
        ",".join(str(i) for (i,) in sorted(muted_users)),
        ",".join(str(i) for (i,) in sorted(muted_tags)),
        str(hides.exists()),
    ]
    return hashlib.blake2b("|".join(parts).encode(), digest_size=12).hexdigest()


NO_SHARING = "-"


def reader_digest(user) -> str:
    """The digest of the reader's muted and hidden things (NO_SHARING: their pages are
    their own), kept in the cache under the token that forget_reader replaces."""
    cache = _cache()
    token_key, digest_key = f"{TOKEN_PREFIX}{user.pk}", f"{DIGEST_PREFIX}{user.pk}"
    found = near_cache.get_many([token_key, digest_key], settings.PAGE_VERSIONS_ALIAS)
    token, kept = found.get(token_key), found.get(digest_key)
    if token is not None and kept is not None and kept[0] == token:
        return kept[1]
    if token is None:
        cache.add(token_key, secrets.token_hex(6), timeout=None)
        token = cache.get(token_key)
    digest = _digest_of_rows(user)  # read after the token: a change from here replaces it
    cache.set(digest_key, (token, digest), timeout=None)
    return digest


def _prefs_part(request) -> str:
    prefs = getattr(request, "reader_prefs", None)
    names = ("theme", "font_size", "reading_width", "view_adult", "hide_creator_notes",
             "view_full_work")  # fmt: skip
    return ",".join(str(getattr(prefs, n, "")) for n in names)


def shared_key(request) -> str | None:
    """The key of the shared part of this signed-in reader's page; None when it may not be
    kept or served (not a GET, staff, a write a moment ago, ...)."""
    user = getattr(request, "user", None)
    meta = request.META
    if (
        user is None
        or not user.is_authenticated
        or user.is_staff
        or user.is_superuser
        or request.method not in ("GET", "HEAD")
        or "HTTP_AUTHORIZATION" in meta
    ):
        return None
    cookies = parse_cookie(meta.get("HTTP_COOKIE", ""))
    if REPLICA_COOKIE in cookies:
        return None
    digest = reader_digest(user)
    if digest == NO_SHARING:
        return None
    parts = [
        "reader",
        meta.get("wsgi.url_scheme", ""),
        meta.get(PROXY_SCHEME_HEADER, "") if PROXY_SCHEME_HEADER else "",
        meta.get("HTTP_HOST", ""),
        meta.get("PATH_INFO", ""),
        meta.get("QUERY_STRING", ""),
        *(cookies.get(name, "") for name in KEYED_COOKIES),
        _prefs_part(request),
        digest,
    ]
    return hashlib.blake2b("\x00".join(parts).encode(), digest_size=20).hexdigest()


def reader_scopes(request) -> list[str] | None:
    """The scopes of the page asked for, when it is one that is kept (scopes.PAGES); a reading
    page's kudos list too."""
    try:
        match = get_resolver().resolve(request.path_info)
    except Resolver404:
        return None
    if match.url_name not in SIGNED_IN_PAGES:
        return None
    scopes_of = PAGES[match.url_name]
    if match.url_name in READING:
        return [*scopes_of(match.kwargs), kudos_scope(match.kwargs["work_id"])]
    return scopes_of(match.kwargs)


def answer_shared(request, entry: SharedEntry) -> HttpResponse:
    filled = holes.render_holes(request, entry.holes)
    body = bytearray(entry.chunks[0])
    for html, chunk in zip(filled, entry.chunks[1:], strict=True):
        body += html.encode()
        body += chunk
    if entry.reading is not None:
        work_id, chapter_id = entry.reading
        work_read.send(sender=None, request=request, work_id=work_id, chapter_id=chapter_id)
    response = HttpResponse(bytes(body), status=entry.status)
    for name, value in entry.headers:
        response[name] = value
    response["X-Page-Cache"] = "reader-hit"
    return response


def _split(body: bytes, marks: holes.Marks) -> tuple[list[bytes], bytes]:
    """The chunks between the holes, and the body without the marks (what this reader sees)."""
    nonce = marks.nonce.encode()
    pattern = re.compile(rb"<!--h" + nonce + rb":\d+-->(.*?)<!--/h" + nonce + rb"-->", re.S)
    chunks, position = [], 0
    for found in pattern.finditer(body):
        chunks.append(body[position : found.start()])
        position = found.end()
    chunks.append(body[position:])
    return chunks, pattern.sub(rb"\1", body)


def _keepable(request, response, marks: holes.Marks) -> bool:
    return keepable_answer(request, response) and request.user.pk not in marks.personal_to


def _keep(request, key, scopes, current, response, marks: holes.Marks) -> HttpResponse:
    chunks, body = _split(response.content, marks)
    response.content = body
    if not _keepable(request, response, marks) or len(chunks) != len(marks.holes) + 1:
        return response
    if any(never in chunk for chunk in chunks for never in NEVER_SHARED):
        return response  # a personal part outside a hole: nothing is kept
    seconds = 0
    if read_from_replica():
        seconds = min(settings.PAGE_CACHE_SECONDS, settings.REPLICA_MAX_LAG_SECONDS) or 1
    headers = tuple((n, v) for n, v in response.items() if n.lower() != "content-length")
    entry = SharedEntry(
        versions.settle(scopes, current), response.status_code, headers, tuple(chunks),
        tuple(marks.holes), time.time(), getattr(request, "page_cache_reading", None),
        tuple(scopes), frozenset(marks.personal_to), seconds,
    )  # fmt: skip
    versions.keep(key, entry)
    response["X-Page-Cache"] = "reader-miss"
    return response


def reader_pages_middleware(get_response):
    def middleware(request):
        key = shared_key(request) if settings.PAGE_CACHE_SECONDS > 0 else None
        scopes = reader_scopes(request) if key is not None else None
        if scopes is None:
            return get_response(request)
        entry = versions.lookup(key)
        if isinstance(entry, SharedEntry) and request.user.pk not in entry.personal_to:
            return answer_shared(request, entry)
        marks = holes.start_marking(request)
        current = versions.current(scopes)  # before the page is built from the rows
        response = get_response(request)
        if response.streaming:
            return response
        return _keep(request, key, scopes, current, response, marks)

    return middleware
