"""The periodic fold (settings.PERIODIC_TASKS, every STATS_FOLD_SECONDS): the buffered hits and
chapter hits (buffer.py), and the kudos, comment threads, bookmarks and subscriptions made since
the last fold, added to each work's row of the day, its week and its month, in one transaction.

New feedback is read by primary key after a cursor per table (an index scan of the new rows
only), and only rows older than STATS_FOLD_LAG_SECONDS, so that one whose transaction has not
committed yet is not passed over. What a row counts is what it was when folded: a bookmark made
private later still counts on its day; the totals on the stats page are the live counts.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ficarchive.feedback.models import Bookmark, Comment, Kudos, Subscription
from ficarchive.works.models import Work

from . import buffer, rollup
from .models import AccountFigures, ChapterHits, FoldCursor, WorkFigures
from .periods import DAY, MONTH, WEEK, start_of

BATCH = 5000

# figure: (model, extra columns read, whether a row counts)
SOURCES = {
    "kudos": (Kudos, (), lambda row: True),
    "comments": (Comment, ("parent_id",), lambda row: row["parent_id"] is None),
    "bookmarks": (Bookmark, ("private",), lambda row: row["work_id"] and not row["private"]),
    "subscriptions": (Subscription, (), lambda row: row["work_id"] is not None),
}


def _new_rows(figure: str, cursor: FoldCursor, until) -> Counter:
    """The figure's new rows by (work, day), moving the cursor past them."""
    model, extra, counts = SOURCES[figure]
    found: Counter = Counter()
    while True:
        rows = list(
            model.objects.filter(pk__gt=cursor.last_id, created_at__lte=until)
            .order_by("pk")
            .values("pk", "work_id", "created_at", *extra)[:BATCH]
        )
        for row in rows:
            if counts(row):
                found[(row["work_id"], timezone.localdate(row["created_at"]))] += 1
        if rows:
            cursor.last_id = rows[-1]["pk"]
        if len(rows) < BATCH:
            return found


def _upsert(model, keys: dict, values: dict) -> None:
    """Add `values` to the row with `keys`, creating it when there is none yet."""
    if model.objects.filter(**keys).update(**{k: F(k) + v for k, v in values.items()}):
        return
    try:
        with transaction.atomic():
            model.objects.create(**keys, **values)
    except IntegrityError:  # created meanwhile by another fold
        model.objects.filter(**keys).update(**{k: F(k) + v for k, v in values.items()})


def add_figures(by_work_day: dict[tuple[int, date], dict[str, int]]) -> int:
    """Add figures to the rows of their day, week and month, and to the account rollups their
    works are in (rollup.py); the number of works' rows touched."""
    rows: dict[tuple[int, str, date], Counter] = {}
    for (work_id, day), figures in by_work_day.items():
        for period in (DAY, WEEK, MONTH):
            rows.setdefault((work_id, period, start_of(period, day)), Counter()).update(figures)
    alive = set(
        Work.objects.filter(pk__in={w for w, _ in by_work_day}).values_list("pk", flat=True)
    )
    added = {key: f for key, f in sorted(rows.items()) if key[0] in alive and any(f.values())}
    for (work_id, period, start), figures in added.items():
        _upsert(WorkFigures, {"work_id": work_id, "period": period, "start": start}, figures)
    for (user_id, period, start), figures in rollup.additions(added).items():
        _upsert(AccountFigures, {"user_id": user_id, "period": period, "start": start}, figures)
    return len(rows)


def _add_chapter_hits(chapters: dict[tuple[int, int], int]) -> None:
    from ficarchive.works.models import Chapter

    alive = set(
        Chapter.objects.filter(pk__in={c for _, c in chapters}).values_list("pk", flat=True)
    )
    for (work_id, chapter_id), n in sorted(chapters.items()):
        if chapter_id in alive:
            _upsert(ChapterHits, {"chapter_id": chapter_id, "work_id": work_id}, {"hits": n})


def fold() -> int:
    """Fold everything new; the number of (work, period) rows touched."""
    work_days, chapters = buffer.take()
    try:
        with transaction.atomic():
            return _fold(work_days, chapters)
    except Exception:
        buffer.give_back(work_days, chapters)
        raise


def _fold(work_days, chapters) -> int:
    lock = rollup.lock_folds()  # one fold or rollup rebuild at a time
    until = timezone.now() - timedelta(seconds=settings.STATS_FOLD_LAG_SECONDS)
    by_work_day: dict[tuple[int, date], Counter] = {
        key: Counter(hits=n) for key, n in work_days.items()
    }
    for figure in SOURCES:
        cursor, _ = FoldCursor.objects.get_or_create(source=figure)
        cursor = FoldCursor.objects.select_for_update().get(pk=cursor.pk)
        for key, n in _new_rows(figure, cursor, until).items():
            by_work_day.setdefault(key, Counter())[figure] += n
        cursor.save(update_fields=["last_id"])
    _add_chapter_hits(chapters)
    touched = add_figures(by_work_day)
    rollup.folded(lock)
    return touched
