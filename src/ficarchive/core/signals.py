"""What the lower apps announce and the higher ones listen to.

Data flows one way: `works` and `tags` send these, and the apps that keep something derived from
works (the tags' filter sets and counts, discovery's search index, feedback's subscriptions and
hits, the page cache) connect their receivers in their AppConfig.ready. A sender never imports a
listener. Receivers run in the order their apps appear in INSTALLED_APPS (tags before discovery,
so the search row is built from the fresh filter tags), inside the sender's transaction.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.dispatch import Signal

# A work's text, tags, creators or visibility changed, or it was deleted (also sent for the
# works under a tag that was wrangled). Arguments: work_ids, a sorted list of primary keys.
work_changed = Signal()

# Tags were wrangled (renamed, made canonical or a synonym, given or taken parents).
# Arguments: tag_ids, and names (former names of renamed tags). The works under them are
# announced separately with work_changed.
tags_changed = Signal()

# A work became posted (at once, or a draft posted): work. A chapter of a posted work became
# posted: chapter. A posted work was placed in a series: series, work.
work_published = Signal()
chapter_published = Signal()
series_part_added = Signal()

# A pseud is about to be deleted (accounts): pseud, successor. Its works are credited to the
# successor first (works listens).
pseud_retiring = Signal()

# A user changed their username (accounts): user, old, new. Their works are announced again
# with work_changed (works listens: bylines and the search row carry the name), and the page
# cache drops the creator pages under both names.
username_changed = Signal()

# An account is about to be deleted (accounts), inside the deletion's transaction: user,
# keep_comments (True: their comments stay, signed "deleted user"; False: they go). Its works
# have been orphaned or deleted already; each app removes or detaches what it keeps of the user.
account_closing = Signal()

# A user was invited to be a co-creator of a work: user_id, work. The invitation was answered
# or withdrawn: user_id, work_id.
invited = Signal()
invitation_answered = Signal()

# Someone should be told something in their inbox (a gift, a related work waiting for approval):
# user_ids, message (plain text), link, work (the notice shows while its reader may see it).
notice = Signal()

# A reader opened a work: request, work_id, chapter_id (when one chapter is shown), and from
# the reading views also the work and chapter objects. The page cache sends it with the ids
# alone when it serves a guest a kept reading page.
work_read = Signal()

# A reader's hit on a work counted (once per visitor, work and day; never the creator's own):
# work_id, day (the ISO date it counted on). The statistics fold it into the day's figures.
hit_counted = Signal()

# The shared cache came back after dropping writes and deleted what may have been stale in it
# (core/cache.py): whatever a process remembers of it must be read again. No arguments.
cache_reconciled = Signal()


def announce_work_changed(work_ids: Iterable[int]) -> None:
    """Tell every listener that these works changed (nothing when there are none)."""
    ids = sorted(set(work_ids))
    if ids:
        work_changed.send(sender=None, work_ids=ids)


def announce_tags_changed(tag_ids: Iterable[int], names: Iterable[str] = ()) -> None:
    ids = sorted(set(tag_ids))
    if ids:
        tags_changed.send(sender=None, tag_ids=ids, names=list(names))


# What every page shows changed: the operator's settings (site name, banner, read-only mode),
# or the archive's own news on the front page. No arguments. The page cache drops every page.
site_changed = Signal()


def announce_site_changed() -> None:
    site_changed.send(sender=None)
