"""Bookmarks of works and series, with notes, the reader's own tags, private and rec flags.
Work.bookmarks_count counts public bookmarks of the work."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F, Q

from ficarchive.text.sanitize import sanitize_comment_html
from ficarchive.works.models import Work

from ..models import Bookmark, BookmarkTag
from .rules import Refused

MAX_TAGS = 50


def parse_bookmark_tags(text: str) -> list[str]:
    """Comma-separated tags as the reader typed them, without repeats (case-blind)."""
    seen, tags = set(), []
    for raw in (text or "").split(","):
        name = " ".join(raw.split())[:100]
        if name and name.lower() not in seen:
            seen.add(name.lower())
            tags.append(name)
    if len(tags) > MAX_TAGS:
        raise Refused(f"A bookmark takes at most {MAX_TAGS} tags.")
    return tags


def _counts(bookmark: Bookmark | None) -> bool:
    return bool(bookmark and bookmark.work_id and not bookmark.private)


@transaction.atomic
def save_bookmark(
    user,
    *,
    work: Work | None = None,
    series=None,
    notes: str = "",
    tags: Iterable[str] = (),
    private: bool = False,
    rec: bool = False,
) -> Bookmark:
    """Create or update the reader's bookmark of a work or a series."""
    if (work is None) == (series is None):
        raise ValueError("bookmark exactly one work or series")
    target = {"work": work} if work is not None else {"series": series}
    bookmark, created = Bookmark.objects.get_or_create(user=user, **target)
    bookmark = Bookmark.objects.select_for_update().get(pk=bookmark.pk)
    counted_before = not created and _counts(bookmark)
    bookmark.notes = sanitize_comment_html(notes)
    bookmark.private = private
    bookmark.rec = rec and not private
    bookmark.save()
    tags = parse_bookmark_tags(",".join(tags))
    BookmarkTag.objects.filter(bookmark=bookmark).delete()
    BookmarkTag.objects.bulk_create(BookmarkTag(bookmark=bookmark, name=t) for t in tags)
    delta = int(_counts(bookmark)) - int(counted_before)
    if delta and work is not None:
        Work.objects.filter(pk=work.pk).update(bookmarks_count=F("bookmarks_count") + delta)
    return bookmark


@transaction.atomic
def delete_bookmark(bookmark: Bookmark) -> None:
    current = Bookmark.objects.select_for_update().filter(pk=bookmark.pk).first()
    if current is None:
        return
    counted = _counts(current)
    current.delete()
    if counted:
        Work.objects.filter(pk=current.work_id).update(bookmarks_count=F("bookmarks_count") - 1)


def bookmark_of(user, *, work=None, series=None) -> Bookmark | None:
    if not (user and user.is_authenticated):
        return None
    target = {"work": work} if work is not None else {"series": series}
    return Bookmark.objects.filter(user=user, **target).first()


def visible_bookmarks(bookmarks, viewer):
    """Those of `bookmarks` the viewer may see, wherever bookmarks are listed: private ones
    only to their owner, works only through Work.objects.visible_to, series that hold a work
    the viewer may see."""
    if viewer and viewer.is_authenticated:
        bookmarks = bookmarks.filter(Q(private=False) | Q(user=viewer))
    else:
        bookmarks = bookmarks.filter(private=False)
    visible = Work.objects.visible_to(viewer).values("pk")
    return bookmarks.filter(Q(work__in=visible) | Q(series__parts__work__in=visible)).distinct()


def bookmarks_shown(owner, viewer):
    """The owner's bookmarks that the viewer may see: private ones only to the owner, works
    only through Work.objects.visible_to, series that hold a work the viewer may see."""
    items = visible_bookmarks(Bookmark.objects.filter(user=owner), viewer)
    return items.select_related("work__rating", "series").prefetch_related(
        "tags", "work__tags", "work__creatorships__pseud__user"
    )
