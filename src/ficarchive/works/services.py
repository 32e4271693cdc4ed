"""Work actions shared by views, the importer, the API, demo data and tests.

Every action is one transaction: a failure leaves nothing half-saved.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from django.db import transaction
from django.utils import timezone

from ficarchive.tags.filtering import refresh_work_filter_tags
from ficarchive.tags.models import Tag, TagType
from ficarchive.tags.services import resolve_tags
from ficarchive.text.sanitize import sanitize_fiction_html
from ficarchive.text.words import count_words_html

from .models import Chapter, Creatorship, Work, WorkTag

# The order in which AO3 lists a work's tags.
TAG_ORDER = [
    TagType.RATING, TagType.WARNING, TagType.CATEGORY, TagType.FANDOM,
    TagType.RELATIONSHIP, TagType.CHARACTER, TagType.FREEFORM,
]  # fmt: skip


def set_work_tags(work: Work, tags_by_type: dict[str, Iterable[str]]) -> None:
    """Replace the work's typed tags (names as the author wrote them) and refresh its filters.
    Types missing from `tags_by_type` keep their tags; the rating always follows work.rating."""
    current: dict[str, list[Tag]] = {}
    for link in WorkTag.objects.filter(work=work).select_related("tag"):
        current.setdefault(link.tag.type, []).append(link.tag)
    wanted: dict[str, list[Tag]] = {}
    for tag_type in TAG_ORDER:
        if tag_type == TagType.RATING:
            wanted[tag_type] = [work.rating]
        elif tag_type in tags_by_type:
            wanted[tag_type] = resolve_tags(tag_type, tags_by_type[tag_type])
        else:
            wanted[tag_type] = current.get(tag_type, [])
    WorkTag.objects.filter(work=work).delete()
    links, position = [], 0
    for tag_type in TAG_ORDER:
        for tag in wanted[tag_type]:
            links.append(WorkTag(work=work, tag=tag, position=position))
            position += 1
    WorkTag.objects.bulk_create(links)
    refresh_work_filter_tags([work.pk])


def rating_tag(name: str) -> Tag:
    tag = Tag.objects.filter(type=TagType.RATING, name__iexact=name).first()
    if tag is None:
        raise ValueError(f"{name!r} is not a rating")
    return tag


@transaction.atomic
def post_work(
    *,
    pseuds: Sequence,
    title: str,
    rating: str = "Not Rated",
    body: str = "",
    fandoms: Iterable[str] = (),
    warnings: Iterable[str] = ("Creator Chose Not To Use Archive Warnings",),
    categories: Iterable[str] = (),
    relationships: Iterable[str] = (),
    characters: Iterable[str] = (),
    freeforms: Iterable[str] = (),
    summary: str = "",
    notes: str = "",
    end_notes: str = "",
    language: str = "en",
    chapter_title: str = "",
    chapter_label: str = "",
    chapters_expected: int | None = 1,
    complete: bool | None = None,
    restricted: bool = False,
    draft: bool = False,
    published_on: date | None = None,
) -> Work:
    """Create a work with its first chapter. A draft is saved but shown only to its creators."""
    if not pseuds:
        raise ValueError("a work needs at least one creator")
    fandoms = list(fandoms)
    if not any(f.strip() for f in fandoms):
        raise ValueError("a work needs at least one fandom")
    published_on = published_on or timezone.localdate()
    work = Work.objects.create(
        title=title.strip(),
        summary=sanitize_fiction_html(summary),
        notes=sanitize_fiction_html(notes),
        end_notes=sanitize_fiction_html(end_notes),
        rating=rating_tag(rating),
        language=language,
        chapters_expected=chapters_expected,
        complete=(chapters_expected == 1) if complete is None else complete,
        restricted=restricted,
        posted=not draft,
        published_on=published_on,
    )
    for position, pseud in enumerate(pseuds):
        Creatorship.objects.create(work=work, pseud=pseud, position=position)
    html = sanitize_fiction_html(body)
    Chapter.objects.create(
        work=work, position=1, title=chapter_title, label=chapter_label, body=html,
        word_count=count_words_html(html), posted=not draft, published_on=published_on,
    )  # fmt: skip
    set_work_tags(
        work,
        {TagType.WARNING: warnings, TagType.CATEGORY: categories, TagType.FANDOM: fandoms,
         TagType.RELATIONSHIP: relationships, TagType.CHARACTER: characters,
         TagType.FREEFORM: freeforms},
    )  # fmt: skip
    refresh_work_stats(work)
    return work


def refresh_work_stats(work: Work) -> None:
    """Words and chapter counts from the posted chapters (all chapters while a draft)."""
    chapters = list(work.chapters.all())
    counted = [c for c in chapters if c.posted] if work.posted else chapters
    work.word_count = sum(c.word_count for c in counted)
    work.chapters_posted = len(counted)
    work.save(update_fields=["word_count", "chapters_posted"])


@transaction.atomic
def move_creatorships(source_pseud, target_pseud) -> None:
    """Credit every work of `source_pseud` to `target_pseud` (used when a pseud is deleted)."""
    for creatorship in Creatorship.objects.filter(pseud=source_pseud):
        if Creatorship.objects.filter(work_id=creatorship.work_id, pseud=target_pseud).exists():
            creatorship.delete()
        else:
            creatorship.pseud = target_pseud
            creatorship.save(update_fields=["pseud"])
