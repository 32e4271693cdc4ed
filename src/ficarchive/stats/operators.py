"""The archive's figures for staff (/stats/archive): works, words, new users, comments and kudos
per day; the fandoms and tags most read this week; the task queue; the page cache's hit rate.
Counts only: no reader is named."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from ficarchive.accounts.models import User
from ficarchive.core import counters
from ficarchive.feedback.models import Comment, Kudos
from ficarchive.tags.models import TagType
from ficarchive.works.models import Chapter, Work, WorkTag

from . import periods
from .models import WorkFigures

DAYS_SHOWN = 30
TOP = 10
# (key, heading) of the daily figures, in the table's order.
DAILY = [
    ("works", "Works posted"),
    ("words", "Words posted (chapters)"),
    ("users", "New accounts"),
    ("comments", "Comments"),
    ("kudos", "Kudos"),
]
TAG_TYPES = (TagType.RELATIONSHIP, TagType.CHARACTER, TagType.FREEFORM)


def _since(first: date) -> datetime:
    return timezone.make_aware(datetime.combine(first, time.min))


def _by_day(queryset, field: str) -> dict[date, int]:
    tz = timezone.get_current_timezone()
    rows = (
        queryset.annotate(day=TruncDate(field, tzinfo=tz))
        .values("day")
        .annotate(n=Count("pk"))
        .values_list("day", "n")
    )
    return dict(rows)


def daily(days: int = DAYS_SHOWN) -> list[dict]:
    """One line per day, the oldest first."""
    today = timezone.localdate()
    first = today - timedelta(days=days - 1)
    works = dict(
        Work.objects.filter(posted=True, published_on__gte=first)
        .values("published_on")
        .annotate(n=Count("pk"))
        .values_list("published_on", "n")
    )
    words = dict(  # chapters posted that day, new works or not
        Chapter.objects.filter(posted=True, work__posted=True, published_on__gte=first)
        .values("published_on")
        .annotate(n=Sum("word_count"))
        .values_list("published_on", "n")
    )
    users = _by_day(User.objects.filter(date_joined__gte=_since(first)), "date_joined")
    comments = _by_day(Comment.objects.filter(created_at__gte=_since(first)), "created_at")
    kudos = _by_day(Kudos.objects.filter(created_at__gte=_since(first)), "created_at")
    found = {"works": works, "words": words, "users": users, "comments": comments, "kudos": kudos}
    return [
        {"day": day, **{key: found[key].get(day) or 0 for key, _ in DAILY}}
        for day in periods.run(periods.DAY, first, today)
    ]


def top_this_week() -> dict[str, list[tuple[str, int]]]:
    """The fandoms and the other tags (relationships, characters, additional tags) whose works
    had the most hits in the last seven days: the works' own tags, a synonym counted under its
    canonical tag (once per work)."""
    since = timezone.localdate() - timedelta(days=6)
    hits = dict(
        WorkFigures.objects.filter(period=periods.DAY, start__gte=since, hits__gt=0)
        .values("work_id")
        .annotate(n=Sum("hits"))
        .values_list("work_id", "n")
    )
    fandoms: Counter = Counter()
    tags: Counter = Counter()
    rows = WorkTag.objects.filter(work_id__in=list(hits)).values_list(
        "work_id", "tag__type", "tag__name", "tag__synonym_of__name"
    )
    named = {(work_id, tag_type, canonical or name) for work_id, tag_type, name, canonical in rows}
    for work_id, tag_type, name in named:
        if tag_type == TagType.FANDOM:
            fandoms[name] += hits[work_id]
        elif tag_type in TAG_TYPES:
            tags[name] += hits[work_id]
    return {"fandoms": fandoms.most_common(TOP), "tags": tags.most_common(TOP)}


def task_queue() -> dict[str, int]:
    day_ago = timezone.now() - timedelta(days=1)
    return {
        "waiting": DBTaskResult.objects.ready().count(),
        "running": DBTaskResult.objects.running().count(),
        "failed_today": DBTaskResult.objects.failed().filter(finished_at__gte=day_ago).count(),
    }


def page_cache(days: int = 7) -> list[dict]:
    """The page cache's answers to guests per day: served from the cache, built and kept."""
    counters.flush()  # this process's own counts too
    hits = counters.read(counters.PAGE_CACHE_HIT, days)
    misses = counters.read(counters.PAGE_CACHE_MISS, days)
    lines = []
    for day in hits:
        total = hits[day] + misses[day]
        rate = round(100 * hits[day] / total) if total else None
        lines.append({"day": day, "hits": hits[day], "misses": misses[day], "rate": rate})
    return lines
