"""Which pages are kept for guests, and what each depends on.

A page depends on "scopes", each with a version (versions.py): `w:<id>` a work, `t:<hash of
the name key>` a tag, `u:<username>` a creator, `all` everything listed across the archive
(and `tags`, `creators` for every tag's and every creator's page at once). A change of a work
bumps the work, every tag and creator it was or is listed under, and `all` (listeners.py); so
a page kept under the old versions is never served again.
"""

from __future__ import annotations

import hashlib

from ficarchive.tags.converters import unescape_tag_name
from ficarchive.tags.models import name_key

ALL = "all"
# What every page shows (the site's name, the banner): every kept page depends on it, and the
# operator's settings bump it (core.signals.site_changed).
SITE = "site"
# Bumped when a work changes whose former tags or creators are not known (it was last changed
# before the cache remembered them): every tag page, or every creator's page, goes.
EVERY_TAG = "tags"
EVERY_CREATOR = "creators"


def work(kwargs) -> list[str]:
    return [f"w:{kwargs['work_id']}"]


def tag(kwargs) -> list[str]:
    return [tag_scope(name_key(unescape_tag_name(kwargs["name"]))), EVERY_TAG]


def user(kwargs) -> list[str]:
    return [user_scope(kwargs["username"]), EVERY_CREATOR]


def archive(kwargs) -> list[str]:
    return [ALL]


def tag_scope(key: str) -> str:
    """A tag's scope from its name key, hashed: names hold spaces and any character, and
    cache keys may not."""
    return "t:" + hashlib.blake2b(key.encode(), digest_size=10).hexdigest()


def user_scope(username: str) -> str:
    return f"u:{username.lower()}"


def _and_site(scopes_of):
    return lambda kwargs: [*scopes_of(kwargs), SITE]


# URL name -> the scopes of its page (each also depends on SITE). Only these are ever kept.
# Reading pages (work, chapter) also count a hit when served from the cache.
PAGES = {
    "work": work,
    "chapter": work,
    "navigate": work,
    "home": archive,
    "works_index": archive,
    "works_search": archive,
    "search": archive,
    "tag_index": archive,
    "tag": tag,
    "tag_works": tag,
    "tag_feed": tag,
    "user_works": user,
    "pseud_works": user,
    "opds_root": archive,
    "opds_recent": archive,
    "opds_kudos": archive,
    "opds_fandoms": archive,
    "opds_fandom": archive,
    "opds_search": archive,
    "opds_search_description": archive,
}
PAGES = {name: _and_site(scopes_of) for name, scopes_of in PAGES.items()}
READING = {"work", "chapter"}
