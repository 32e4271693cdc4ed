"""Chapter actions: add, edit, post a draft chapter, delete, reorder. One transaction each.

Chapter positions are unique per work (the constraint `chapter_position_once`, checked at once,
not at commit), so moving chapters first lifts them out of the way by a temporary offset."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone

from ficarchive.core.signals import chapter_published
from ficarchive.text.sanitize import sanitize_fiction_html
from ficarchive.text.words import count_words_html

from .models import Chapter, Work
from .services import refresh_work_stats, work_changed


def _fill(chapter: Chapter, *, title, label, summary, notes, end_notes, body) -> None:
    chapter.title = title.strip()
    chapter.label = label.strip()
    chapter.summary = sanitize_fiction_html(summary)
    chapter.notes = sanitize_fiction_html(notes)
    chapter.end_notes = sanitize_fiction_html(end_notes)
    chapter.body = sanitize_fiction_html(body)
    chapter.word_count = count_words_html(chapter.body)


def _touch(work: Work) -> None:
    work.updated_at = timezone.now()
    work.save(update_fields=["updated_at"])


@transaction.atomic
def add_chapter(
    work: Work,
    *,
    body: str,
    title: str = "",
    label: str = "",
    summary: str = "",
    notes: str = "",
    end_notes: str = "",
    draft: bool = False,
    published_on: date | None = None,
) -> Chapter:
    """A new chapter at the end of the work. In a draft work every chapter is a draft until
    the work is posted; in a posted work a chapter may be kept as a draft and posted later."""
    work = Work.objects.select_for_update().get(pk=work.pk)
    last = work.chapters.aggregate(m=Max("position"))["m"] or 0
    chapter = Chapter(work=work, position=last + 1)
    _fill(chapter, title=title, label=label, summary=summary, notes=notes,
          end_notes=end_notes, body=body)  # fmt: skip
    chapter.posted = work.posted and not draft
    chapter.published_on = published_on or timezone.localdate()
    chapter.save()
    if chapter.posted:
        _touch(work)
        chapter_published.send(sender=Chapter, chapter=chapter)
    refresh_work_stats(work)
    work_changed([work.pk])
    return chapter


@transaction.atomic
def update_chapter(
    chapter: Chapter,
    *,
    body: str,
    title: str = "",
    label: str = "",
    summary: str = "",
    notes: str = "",
    end_notes: str = "",
    published_on: date | None = None,
) -> Chapter:
    _fill(chapter, title=title, label=label, summary=summary, notes=notes,
          end_notes=end_notes, body=body)  # fmt: skip
    if published_on:
        chapter.published_on = published_on
    chapter.save()
    work = chapter.work
    if chapter.position == 1 and published_on:
        work.published_on = published_on
        work.save(update_fields=["published_on"])
    refresh_work_stats(work)
    work_changed([work.pk])
    return chapter


@transaction.atomic
def post_chapter(chapter: Chapter) -> None:
    """Post a draft chapter of a posted work (a draft work is posted whole instead)."""
    work = chapter.work
    if not work.posted:
        raise ValueError("post the work itself: this work is still a draft")
    chapter.posted = True
    chapter.published_on = max(chapter.published_on, timezone.localdate())
    chapter.save(update_fields=["posted", "published_on"])
    _touch(work)
    chapter_published.send(sender=Chapter, chapter=chapter)
    refresh_work_stats(work)
    work_changed([work.pk])


def _renumber(work: Work, ordered_ids: Sequence[int]) -> None:
    chapters = Chapter.objects.filter(work=work)
    offset = (chapters.aggregate(m=Max("position"))["m"] or 0) + len(ordered_ids) + 1
    chapters.update(position=F("position") + offset)
    for position, chapter_id in enumerate(ordered_ids, start=1):
        Chapter.objects.filter(pk=chapter_id, work=work).update(position=position)


@transaction.atomic
def reorder_chapters(work: Work, ordered_ids: Sequence[int]) -> None:
    """Put the work's chapters in this order (every chapter of the work, each once)."""
    work = Work.objects.select_for_update().get(pk=work.pk)
    current = set(work.chapters.values_list("pk", flat=True))
    if len(ordered_ids) != len(current) or set(ordered_ids) != current:
        raise ValueError("the new order must list every chapter of the work once")
    _renumber(work, ordered_ids)
    refresh_work_stats(work)
    work_changed([work.pk])


@transaction.atomic
def delete_chapter(chapter: Chapter) -> None:
    """Delete a chapter; the ones after it move up. A work keeps at least one chapter."""
    work = Work.objects.select_for_update().get(pk=chapter.work_id)
    if work.chapters.count() <= 1:
        raise ValueError("a work needs at least one chapter: delete the work instead")
    chapter.delete()
    _renumber(work, list(work.chapters.order_by("position").values_list("pk", flat=True)))
    refresh_work_stats(work)
    work_changed([work.pk])
