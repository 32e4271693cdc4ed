"""An author's statistics: /users/NAME/stats (every work, with totals, filters, sorting and a
chart) and /users/NAME/stats/works/ID (one work over time, and its chapters), each chart with
a CSV download. Only the author (the same for every co-creator of a work) and staff see them."""

from __future__ import annotations

import csv
from urllib.parse import urlencode

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from ficarchive.accounts.models import User
from ficarchive.core.access import role_required
from ficarchive.works.models import Work

from . import figures, operators, periods, rollup, tasks
from .charts import bar_chart
from .forms import ChartForm, StatsForm

REFUSAL = "Statistics are shown only to the creators of the works (and to staff)."


def _owner(request, username: str) -> User:
    owner = get_object_or_404(User, username=username, is_active=True)
    if request.user.pk != owner.pk and not request.user.is_staff:
        raise PermissionDenied(REFUSAL)
    return owner


def stats_page(view):
    """Guests go to the login page; anyone but the owner and staff gets 403; never cached."""

    def wrapped(request, username, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return never_cache(view)(request, _owner(request, username), *args, **kwargs)

    wrapped.__name__ = view.__name__
    return wrapped


def _query(choices: dict, **changes) -> str:
    """The page's query string with some choices changed (defaults left out)."""
    values = {**choices, **changes}
    params = {
        "fandom": values.get("fandom") or "",
        "year": values.get("year") or "",
        "sort": values.get("sort") if values.get("sort") != "hits" else "",
        "order": "asc" if values.get("descending") is False else "",
        "figure": values.get("figure") if values.get("figure") != "hits" else "",
        "period": periods.NAMES[values["period"]] if values.get("period") != periods.WEEK else "",
    }
    kept = {k: v for k, v in params.items() if v not in ("", None)}
    return "?" + urlencode(kept) if kept else "?"


def _chart(chart_id: str, points, figure: str, period: str, subject: str) -> dict:
    labels = [periods.label(period, start) for start, _ in points]
    title = f"{figures.FIGURE_NAMES[figure]} per {periods.NAMES[period]}, {subject}"
    return {
        "id": chart_id,
        "title": title,
        "svg": bar_chart(
            chart_id, title, labels, [(figures.FIGURE_NAMES[figure], [n for _, n in points])]
        ),
        "rows": list(zip(labels, (n for _, n in points), strict=True)),
        "heading": periods.NAMES[period].capitalize(),
        "figure_name": figures.FIGURE_NAMES[figure],
    }


def _csv(filename: str, header: list[str], rows) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    writer = csv.writer(response)
    writer.writerow(header)
    writer.writerows(rows)
    return response


def _selection(request, owner):
    """The form, the choices, and the works shown (of the fandom chosen): their lines, with
    their fandoms and the counts kept on each work, and the same works as a queryset."""
    works = figures.author_works(owner)
    every = figures.work_lines(works)
    form = StatsForm(request.GET, fandoms=figures.fandoms_of(every), years=figures.years_of(every))
    choices = form.choices()
    shown = figures.narrowed(every, choices["fandom"])
    return form, choices, shown, figures.narrowed_works(works, choices["fandom"])


def _account_points(owner, shown, works, choices) -> list:
    """The account chart's points, for the works shown: from the owner's rollup when it sums
    exactly those (no fandom chosen, and it is up to date); otherwise summed from the works'
    rows, and with no fandom chosen a rebuild of the rollup is asked for."""
    ids = [line.work_id for line in shown]
    period = choices["period"]
    first, last = figures.chart_range(period, choices["year"], figures.first_posted(shown))
    rollup_of = None
    if not choices["fandom"]:
        if rollup.matches(owner.pk, ids):
            rollup_of = owner.pk
        else:
            tasks.ask_rebuild(owner.pk, ids)
    return figures.series(works, choices["figure"], period, first, last, rollup_of)


@stats_page
def author_stats(request, owner):
    form, choices, shown, works = _selection(request, owner)
    chart = _chart(
        "account-chart", _account_points(owner, shown, works, choices), choices["figure"],
        choices["period"], "every work shown" if choices["fandom"] else "all works",
    )  # fmt: skip
    year = choices["year"]
    counted = figures.count_year(shown, works, year) if year else figures.count_live(shown, works)
    lines = figures.sort_lines(counted, choices["sort"], choices["descending"])
    columns = [
        {
            "key": key,
            "name": name,
            "sorted": choices["sort"] == key,
            "descending": choices["descending"],
            "query": _query(
                choices,
                sort=key,
                descending=not choices["descending"]
                if choices["sort"] == key
                else key not in ("title",),
            ),
        }  # fmt: skip
        for key, name in [("title", "Work"), ("published", "Posted"), *figures.FIGURES]
    ]
    context = {
        "owner": owner,
        "stats_base": reverse("author_stats", args=[owner.username]),
        "form": form,
        "choices": choices,
        "lines": lines,
        "totals": figures.totals(lines),
        "columns": columns,
        "figure_links": [(key, name, _query(choices, figure=key)) for key, name in figures.FIGURES],
        "period_links": [
            (code, name, _query(choices, period=code)) for code, name in periods.NAMES.items()
        ],
        "chart": chart,
        "csv_query": _query(choices),
        "work_query": _query(choices, fandom=None, sort="hits", descending=True),
    }
    return render(request, "stats/author.html", context)


@stats_page
def author_chart_csv(request, owner):
    _, choices, shown, works = _selection(request, owner)
    points = _account_points(owner, shown, works, choices)
    name = f"{owner.username}-{choices['figure']}-per-{periods.NAMES[choices['period']]}.csv"
    return _csv(
        name,
        [periods.NAMES[choices["period"]], choices["figure"]],
        ((periods.label(choices["period"], s), n) for s, n in points),
    )


def _work(owner, work_id: int):
    return get_object_or_404(figures.author_works(owner), pk=work_id)


def _work_points(work, figure: str, period: str) -> list:
    first, last = figures.chart_range(period, None, work.published_on)
    return figures.series(Work.objects.filter(pk=work.pk), figure, period, first, last)


@stats_page
def work_stats(request, owner, work_id: int):
    work = _work(owner, work_id)
    figure, period = ChartForm(request.GET).chart()
    choices = {"figure": figure, "period": period, "sort": "hits"}
    one = Work.objects.filter(pk=work.pk)
    line = figures.count_live(figures.work_lines(one), one)[0]
    chapters = figures.retention(work)
    retention_id = "chapters-chart"
    retention_title = f"Readers of each chapter of “{work.title}”"
    context = {
        "owner": owner,
        "work": work,
        "line": line,
        "figures": [(key, name, getattr(line, key)) for key, name in figures.FIGURES],
        "chart": _chart(
            "work-chart", _work_points(work, figure, period), figure, period, f"“{work.title}”"
        ),
        "choices": choices,
        "figure_links": [(key, name, _query(choices, figure=key)) for key, name in figures.FIGURES],
        "period_links": [
            (code, name, _query(choices, period=code)) for code, name in periods.NAMES.items()
        ],
        "csv_query": _query(choices),
        "chapters": chapters,
        "retention": {
            "id": retention_id,
            "title": retention_title,
            "svg": bar_chart(
                retention_id,
                retention_title,
                [str(c.number) for c in chapters],
                [
                    ("Chapter hits", [c.hits for c in chapters]),
                    ("Readers who stopped here", [c.stopped_here for c in chapters]),
                ],
            ),
        },  # fmt: skip
    }
    return render(request, "stats/work.html", context)


@stats_page
def work_chart_csv(request, owner, work_id: int):
    work = _work(owner, work_id)
    figure, period = ChartForm(request.GET).chart()
    points = _work_points(work, figure, period)
    return _csv(
        f"work-{work.pk}-{figure}-per-{periods.NAMES[period]}.csv",
        [periods.NAMES[period], figure],
        ((periods.label(period, s), n) for s, n in points),
    )


@stats_page
def work_chapters_csv(request, owner, work_id: int):
    work = _work(owner, work_id)
    return _csv(
        f"work-{work.pk}-chapters.csv",
        ["chapter", "title", "chapter hits", "percent of chapter 1", "readers who stopped here"],
        ((c.number, c.title, c.hits, c.share, c.stopped_here) for c in figures.retention(work)),
    )


def _staff(user) -> bool:
    return user.is_staff


@role_required(_staff, "The archive's statistics are for staff.")
def archive_stats(request):
    days = operators.daily()
    labels = [periods.label(periods.DAY, line["day"]) for line in days]
    charts = [
        {
            "id": f"archive-{key}",
            "title": f"{name} per day, the last {len(days)} days",
            "svg": bar_chart(
                f"archive-{key}", f"{name} per day", labels, [(name, [d[key] for d in days])]
            ),
        }
        for key, name in operators.DAILY
    ]
    cache_lines = operators.page_cache()
    top = operators.top_this_week()
    hits = sum(line["hits"] for line in cache_lines)
    answered = hits + sum(line["misses"] for line in cache_lines)
    context = {
        "days": days,
        "daily": operators.DAILY,
        "charts": charts,
        "top_lists": [("Fandoms", top["fandoms"]), ("Other tags", top["tags"])],
        "queue": operators.task_queue(),
        "cache_lines": cache_lines,
        "cache_rate": round(100 * hits / answered) if answered else None,
    }
    return render(request, "stats/archive.html", context)


@role_required(_staff, "The archive's statistics are for staff.")
def archive_csv(request):
    return _csv(
        "archive-per-day.csv",
        ["day", *(key for key, _ in operators.DAILY)],
        (
            [line["day"].isoformat(), *(line[key] for key, _ in operators.DAILY)]
            for line in operators.daily()
        ),
    )
