"""Series actions: put a work in one of its creator's series (or a new one), take it out."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from ficarchive.core.signals import series_part_added
from ficarchive.text.sanitize import sanitize_fiction_html

from .models import Series, SeriesWork, Work


def _renumber(series: Series) -> None:
    for position, part in enumerate(series.parts.order_by("position", "pk"), start=1):
        if part.position != position:
            part.position = position
            part.save(update_fields=["position"])


@transaction.atomic
def place_in_series(
    work: Work,
    owner,
    *,
    series: Series | None = None,
    new_title: str = "",
    position: int | None = None,
    announce: bool = True,
) -> Series | None:
    """Make `work` a part of `series` (which must be `owner`'s) or of a new series called
    `new_title`, at `position` (1 is first; None puts it last). Leaving both empty takes the
    work out of the owner's series. A work stays in series that other creators own."""
    if series is None and new_title.strip():
        series = Series.objects.create(title=new_title.strip()[:255], owner=owner)
    if series is not None and series.owner_id != owner.pk:
        raise ValueError("you can only add works to your own series")
    for part in SeriesWork.objects.filter(work=work, series__owner=owner).exclude(series=series):
        old = part.series
        part.delete()
        _renumber(old)
    if series is None:
        return None
    SeriesWork.objects.filter(series=series, work=work).delete()
    last = series.parts.aggregate(m=Max("position"))["m"] or 0
    if position is None or position > last:
        position = last + 1
    position = max(position, 1)
    for part in series.parts.filter(position__gte=position).order_by("-position"):
        part.position += 1
        part.save(update_fields=["position"])
    SeriesWork.objects.create(series=series, work=work, position=position)
    if announce:
        series_part_added.send(sender=Series, series=series, work=work)
    _renumber(series)
    series.updated_at = timezone.now()
    series.save(update_fields=["updated_at"])
    return series


@transaction.atomic
def update_series(series: Series, *, title: str, summary: str, notes: str, complete: bool) -> None:
    if not title.strip():
        raise ValueError("a series needs a title")
    series.title = title.strip()
    series.summary = sanitize_fiction_html(summary)
    series.notes = sanitize_fiction_html(notes)
    series.complete = complete
    series.save(update_fields=["title", "summary", "notes", "complete"])
