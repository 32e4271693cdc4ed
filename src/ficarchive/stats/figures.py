"""What the stats pages show, read from the live counts on each work and the folded rows
(models.py): per-work lines, their totals, a figure over time, and a work's chapter retention.
Every query here takes the works as a queryset, so it stays one query whatever their number,
and the works are a subquery: with a list of 500 ids SQLite's planner takes the (period, start)
index and reads every work's rows of those days, five times slower here and worse the larger
the archive."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Sum
from django.utils import timezone

from ficarchive.feedback.models import Comment, Reading, Subscription
from ficarchive.tags.models import TagType
from ficarchive.works.models import Chapter, Creatorship, Work, WorkTag

from . import periods
from .models import AccountFigures, ChapterHits, WorkFigures

# (key, heading): the figures of a work, in the table's order; every one is a column and a chart.
FIGURES = [
    ("hits", "Hits"),
    ("kudos", "Kudos"),
    ("comments", "Comment threads"),
    ("bookmarks", "Bookmarks"),
    ("subscriptions", "Subscriptions"),
    ("words", "Words"),
]
FIGURE_NAMES = dict(FIGURES)
COUNTED = [key for key, _ in FIGURES if key != "words"]
SORTS = ["title", "published", *[key for key, _ in FIGURES]]
DAYS_SHOWN, WEEKS_SHOWN = 90, 52


@dataclass
class WorkLine:
    work_id: int
    title: str
    published: date
    chapters: int
    words: int = 0
    hits: int = 0
    kudos: int = 0
    comments: int = 0
    bookmarks: int = 0
    subscriptions: int = 0
    fandoms: list[tuple[int, str]] = field(default_factory=list)  # (tag id, name)


def author_works(owner):
    """The posted works `owner` is a creator of (co-creators see the same works)."""
    return Work.objects.by_user(owner).filter(posted=True)


def work_lines(works) -> list[WorkLine]:
    """One line per work, with its fandoms and the counts kept on the work (hits, kudos,
    bookmarks); `count_live` or `count_year` adds the rest. Two queries, whatever the number
    of works."""
    lines = {
        pk: WorkLine(pk, title, published, chapters, words, hits, kudos, 0, bookmarks)
        for pk, title, published, chapters, words, hits, kudos, bookmarks in works.values_list(
            "pk", "title", "published_on", "chapters_posted", "word_count",
            "hits_count", "kudos_count", "bookmarks_count",
        )
    }  # fmt: skip
    for work_id, tag_id, name in (
        WorkTag.objects.filter(work__in=works.values("pk"), tag__type=TagType.FANDOM)
        .order_by("position")
        .values_list("work_id", "tag_id", "tag__name")
    ):
        if work_id in lines:
            lines[work_id].fandoms.append((tag_id, name))
    return list(lines.values())


def fandoms_of(lines: list[WorkLine]) -> list[tuple[int, str]]:
    """The fandoms the works are tagged with, by name: (tag id, name)."""
    found = {tag for line in lines for tag in line.fandoms}
    return sorted(found, key=lambda tag: tag[1].lower())


def years_of(lines: list[WorkLine]) -> list[int]:
    this_year = timezone.localdate().year
    first = min((line.published.year for line in lines), default=this_year)
    return list(range(this_year, min(first, this_year) - 1, -1))


def first_posted(lines: list[WorkLine]) -> date | None:
    return min((line.published for line in lines), default=None)


def narrowed(lines: list[WorkLine], fandom: int | None) -> list[WorkLine]:
    if not fandom:
        return lines
    return [line for line in lines if any(tag_id == fandom for tag_id, _ in line.fandoms)]


def narrowed_works(works, fandom: int | None):
    """The works (a queryset) of the fandom, when one is chosen."""
    if not fandom:
        return works
    return works.filter(pk__in=WorkTag.objects.filter(tag_id=fandom).values("work_id"))


def count_live(lines: list[WorkLine], works) -> list[WorkLine]:
    """The live counts of comment threads and subscriptions of the lines' works (`works`, the
    same as a queryset); hits, kudos and bookmarks are kept on the work."""
    ids = works.values("pk")
    by_id = {line.work_id: line for line in lines}
    threads = Comment.objects.filter(
        work__in=ids, parent__isnull=True, deleted=False, status=Comment.PUBLISHED
    )
    for name, rows in (
        ("comments", threads),
        ("subscriptions", Subscription.objects.filter(work__in=ids)),
    ):
        for work_id, n in (
            rows.values("work_id").annotate(n=Count("pk")).order_by().values_list("work_id", "n")
        ):
            if work_id in by_id:
                setattr(by_id[work_id], name, n)
    return lines


def count_year(lines: list[WorkLine], works, year: int) -> list[WorkLine]:
    """The works published by the end of `year`, with what was counted in that year (`works`:
    the lines' works as a queryset)."""
    lines = [line for line in lines if line.published.year <= year]
    by_id = {line.work_id: line for line in lines}
    for line in lines:
        for name in COUNTED:
            setattr(line, name, 0)
    sums = (
        WorkFigures.objects.filter(
            work__in=works.values("pk"), period=periods.MONTH, start__year=year
        )
        .values("work_id")
        .annotate(**{name: Sum(name) for name in COUNTED})
        .order_by()
    )
    for row in sums:
        for name in COUNTED:
            if row["work_id"] in by_id:  # the works published by then
                setattr(by_id[row["work_id"]], name, row[name] or 0)
    return lines


def sort_lines(lines: list[WorkLine], key: str, descending: bool) -> list[WorkLine]:
    if key == "title":
        lines = sorted(lines, key=lambda line: (line.title.lower(), line.work_id))
    else:
        lines = sorted(lines, key=lambda line: (getattr(line, key), -line.work_id))
    return lines[::-1] if descending else lines


def totals(lines: list[WorkLine]) -> dict[str, int]:
    return {key: sum(getattr(line, key) for line in lines) for key, _ in FIGURES}


def chart_range(period: str, year: int | None, first_posted: date | None) -> tuple[date, date]:
    """The days a chart covers: the chosen year, or the last 90 days, 52 weeks, or every month
    since the first work."""
    today = timezone.localdate()
    if year is not None:
        return date(year, 1, 1), min(date(year, 12, 31), today)
    if period == periods.DAY:
        return today - timedelta(days=DAYS_SHOWN - 1), today
    if period == periods.WEEK:
        return today - timedelta(weeks=WEEKS_SHOWN - 1), today
    return min(first_posted or today, today.replace(month=1, day=1)), today


def series(
    works, figure: str, period: str, first: date, last: date, rollup_of: int | None = None
) -> list[tuple[date, int]]:
    """The figure summed over the works (a queryset) in each period from `first` to `last`;
    with `rollup_of`, read from that account's rollup, which sums exactly these works
    (rollup.matches)."""
    starts = periods.run(period, first, last)
    found: dict[date, int] = {}
    if figure == "words":  # words posted: the chapters, by the day each was posted
        rows = Chapter.objects.filter(
            work__in=works.values("pk"), posted=True, published_on__range=(starts[0], last)
        ).values_list("published_on", "word_count")
        for day, words in rows:
            start = periods.start_of(period, day)
            found[start] = found.get(start, 0) + words
    elif rollup_of is not None:
        found = dict(
            AccountFigures.objects.filter(
                user_id=rollup_of, period=period, start__range=(starts[0], last)
            ).values_list("start", figure)
        )
    else:
        rows = (
            WorkFigures.objects.filter(
                work__in=works.values("pk"), period=period, start__range=(starts[0], last)
            )
            .values("start")
            .annotate(n=Sum(figure))
            .values_list("start", "n")
        )
        found = dict(rows)
    return [(start, found.get(start) or 0) for start in starts]


@dataclass
class ChapterLine:
    number: int
    title: str
    hits: int
    share: int  # percent of the first chapter's hits
    stopped_here: int  # readers whose history last shows this chapter


def retention(work: Work) -> list[ChapterLine]:
    """Which chapters readers reach (chapter hits, guests included) and where the readers who
    keep a history stopped (the last chapter they opened; the creators' own reading left out).
    Counts only: no reader is named."""
    chapters = list(
        Chapter.objects.filter(work=work, posted=True)
        .order_by("position")
        .values_list("pk", "posted_number", "position", "title")
    )
    hits = dict(ChapterHits.objects.filter(work=work).values_list("chapter_id", "hits"))
    creators = Creatorship.objects.filter(work=work).values("pseud__user_id")
    stopped = dict(
        Reading.objects.filter(work=work, chapter__isnull=False, last_read_at__isnull=False)
        .exclude(user_id__in=creators)
        .values("chapter_id")
        .annotate(n=Count("pk"))
        .values_list("chapter_id", "n")
    )
    first = hits.get(chapters[0][0], 0) if chapters else 0
    lines = []
    for pk, number, position, title in chapters:
        n = hits.get(pk, 0)
        lines.append(
            ChapterLine(
                number or position,
                title,
                n,
                round(100 * n / first) if first else 0,
                stopped.get(pk, 0),
            )  # fmt: skip
        )
    return lines
