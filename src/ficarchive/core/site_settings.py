"""The operator's settings as every request reads them: the one SiteSettings row, kept in the
shared cache, so that a change in the admin takes effect on every server process at once,
without a restart. Saving raises the row's version and announces `site_changed`, on which the
page cache drops every kept page (pagecache/listeners.py)."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from . import near_cache, signals
from .models import SiteSettings

CACHE_KEY = "site-settings"
# The version of the banner a reader dismissed (a cookie, for guests too; the page cache keys
# guests' pages on it).
BANNER_COOKIE = "banner_dismissed"


def current() -> SiteSettings:
    """The settings as saved (the defaults while the operator never saved any)."""
    row = near_cache.get(CACHE_KEY)
    if row is None:
        row = SiteSettings.objects.filter(pk=SiteSettings.ONE).first()
        row = row or SiteSettings(pk=SiteSettings.ONE)
        # `add`, never `set`: a reader's stale row never replaces a fresher one a save put.
        cache.add(CACHE_KEY, row, timeout=None)
    return row


def _put(row: SiteSettings) -> None:
    cache.set(CACHE_KEY, row, timeout=None)
    near_cache.changed([CACHE_KEY])


def site_name(row: SiteSettings | None = None) -> str:
    return (row or current()).site_name or settings.SITE_NAME


@transaction.atomic
def save(row: SiteSettings) -> SiteSettings:
    """Save the row (the admin's form), raising its version, and the banner's when its words
    changed; every process reads the new row from its next request."""
    row.pk = SiteSettings.ONE
    before = SiteSettings.objects.select_for_update().filter(pk=SiteSettings.ONE).first()
    row.version = (before.version if before else 0) + 1
    row.banner_version = before.banner_version if before else 0
    if row.banner_text and row.banner_text != (before.banner_text if before else ""):
        row.banner_version += 1
    row.save()
    cache.delete(CACHE_KEY)
    near_cache.changed([CACHE_KEY])
    transaction.on_commit(lambda: _put(row))
    signals.announce_site_changed()
    return row


def banner_for(request, row: SiteSettings | None = None) -> tuple[str, int]:
    """The banner's words and version, or ("", 0) when there is none or the reader dismissed
    this version of it."""
    row = row or current()
    if not row.banner_text or request.COOKIES.get(BANNER_COOKIE) == str(row.banner_version):
        return "", 0
    return row.banner_text, row.banner_version
