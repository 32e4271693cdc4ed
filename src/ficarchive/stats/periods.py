"""Days, weeks (from Monday) and months (from the 1st): where a day's figures are summed, and
the run of periods a chart shows. Pure Python."""

from __future__ import annotations

from datetime import date, timedelta

DAY, WEEK, MONTH = "d", "w", "m"
NAMES = {DAY: "day", WEEK: "week", MONTH: "month"}
BY_NAME = {name: code for code, name in NAMES.items()}


def start_of(period: str, day: date) -> date:
    if period == WEEK:
        return day - timedelta(days=day.weekday())
    if period == MONTH:
        return day.replace(day=1)
    return day


def following(period: str, start: date) -> date:
    if period == WEEK:
        return start + timedelta(days=7)
    if period == MONTH:
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return start + timedelta(days=1)


def run(period: str, first: date, last: date) -> list[date]:
    """The starts of every period from the one holding `first` to the one holding `last`."""
    starts, current, end = [], start_of(period, first), start_of(period, last)
    while current <= end:
        starts.append(current)
        current = following(period, current)
    return starts


def label(period: str, start: date) -> str:
    if period == MONTH:
        return start.strftime("%Y-%m")
    return start.isoformat()
