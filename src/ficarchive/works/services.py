"""Work actions shared by views, the importer, the API, demo data and tests.

Every action is one transaction: a failure leaves nothing half-saved. Every action that changes
what a work says or who may see it ends in `work_changed`, the one place that tells the rest of
the archive (core.signals: filter tags, search index, page cache) about it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from ficarchive.core.signals import announce_work_changed, work_published
from ficarchive.tags.models import Tag, TagType
from ficarchive.tags.services import resolve_tags
from ficarchive.text.sanitize import sanitize_fiction_html
from ficarchive.text.words import count_words_html

from .models import Chapter, CreatorInvitation, Creatorship, Work, WorkTag

# The order in which AO3 lists a work's tags.
TAG_ORDER = [
    TagType.RATING, TagType.WARNING, TagType.CATEGORY, TagType.FANDOM,
    TagType.RELATIONSHIP, TagType.CHARACTER, TagType.FREEFORM,
]  # fmt: skip


def announce_gifts(work: Work) -> None:
    from .gifts import announce_gifts as announce

    announce(work)


def work_changed(work_ids: Iterable[int]) -> None:
    """Called after every change of a work's text, tags, creators or visibility: the
    `core.signals.work_changed` listeners (filter tags and counts, the search row, the page
    cache) follow."""
    announce_work_changed(work_ids)


def set_work_tags(work: Work, tags_by_type: dict[str, Iterable[str]]) -> None:
    """Replace the work's typed tags (names as the author wrote them); the caller then calls
    work_changed, which refreshes the filters, counts and search row once.
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


def rating_tag(name: str) -> Tag:
    tag = Tag.objects.filter(type=TagType.RATING, name__iexact=name).first()
    if tag is None:
        raise ValueError(f"{name!r} is not a rating")
    return tag


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _updated_at_for(published_on: date) -> datetime:
    """Now, or the backdated day, so that a backdated work doesn't sort as just updated."""
    if published_on < timezone.localdate():
        return _start_of(published_on)
    return timezone.now()


def _set_creators(work: Work, pseuds: Sequence, *, editor=None) -> None:
    """Make `pseuds` the work's creators. With an `editor` (someone changing the work from its
    form), only the editor's own pseuds and those already credited are credited at once; any
    other pseud is invited instead (works/invitations.py), and stops being asked when left
    out. An editor cannot take someone else off the work, as on AO3: each co-creator removes
    only themself ("Remove me as a creator", invitations.leave_work). Without an editor
    (import, demo data) every pseud is credited."""
    from .invitations import set_invitations

    unique = list(dict.fromkeys(pseuds))
    if editor is None:
        credited, asked = unique, []
    else:
        current = list(Creatorship.objects.filter(work=work).select_related("pseud__user"))
        others_left_out = [
            c.pseud.byline for c in current
            if c.pseud.user_id != editor.pk and c.pseud not in unique
        ]  # fmt: skip
        if others_left_out:
            raise ValueError(
                f"Only {', '.join(others_left_out)} can take themselves off this work "
                "(with “Remove me as a creator” on its edit page)."
            )
        current_ids = {c.pseud_id for c in current}
        credited = [p for p in unique if p.user_id == editor.pk or p.pk in current_ids]
        asked = [p for p in unique if p not in credited]
    if not credited:
        raise ValueError("a work needs at least one creator")
    Creatorship.objects.filter(work=work).delete()
    Creatorship.objects.bulk_create(
        [Creatorship(work=work, pseud=p, position=i) for i, p in enumerate(credited)]
    )
    if editor is not None:
        set_invitations(work, asked, inviter=editor)


def _tags_of(fandoms, warnings, categories, relationships, characters, freeforms) -> dict:
    fandoms = [f for f in fandoms if f.strip()]
    if not fandoms:
        raise ValueError("a work needs at least one fandom")
    return {
        TagType.WARNING: warnings, TagType.CATEGORY: categories, TagType.FANDOM: fandoms,
        TagType.RELATIONSHIP: relationships, TagType.CHARACTER: characters,
        TagType.FREEFORM: freeforms,
    }  # fmt: skip


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
    chapter_summary: str = "",
    chapter_notes: str = "",
    chapter_end_notes: str = "",
    chapters_expected: int | None = 1,
    complete: bool | None = None,
    restricted: bool = False,
    draft: bool = False,
    published_on: date | None = None,
    series=None,
    new_series_title: str = "",
    series_position: int | None = None,
    editor=None,
    before_announce: Callable[[Work], None] | None = None,
) -> Work:
    """Create a work with its first chapter. A draft is saved but shown only to its creators.
    `series` (one of the creator's Series) or `new_series_title` puts the work in a series.
    With an `editor` (the person posting), other people's pseuds are invited, not credited.
    `before_announce(work)` runs in the same transaction before subscribers hear of it (the
    form's parts: works/form_parts.py); its ValueError undoes the whole post."""
    tags = _tags_of(list(fandoms), warnings, categories, relationships, characters, freeforms)
    if not title.strip():
        raise ValueError("a work needs a title")
    published_on = published_on or timezone.localdate()
    if complete:
        chapters_expected = 1
    work = Work.objects.create(
        title=title.strip(),
        summary=sanitize_fiction_html(summary),
        notes=sanitize_fiction_html(notes),
        end_notes=sanitize_fiction_html(end_notes),
        rating=rating_tag(rating),
        language=language,
        chapters_expected=chapters_expected,
        restricted=restricted,
        posted=not draft,
        published_on=published_on,
        updated_at=_updated_at_for(published_on),
    )
    _set_creators(work, pseuds, editor=editor)
    html = sanitize_fiction_html(body)
    Chapter.objects.create(
        work=work, position=1, title=chapter_title.strip(), label=chapter_label.strip(),
        summary=sanitize_fiction_html(chapter_summary), notes=sanitize_fiction_html(chapter_notes),
        end_notes=sanitize_fiction_html(chapter_end_notes), body=html,
        word_count=count_words_html(html), posted=not draft, published_on=published_on,
    )  # fmt: skip
    set_work_tags(work, tags)
    refresh_work_stats(work)
    if series is not None or new_series_title.strip():
        from .series import place_in_series

        owner = editor or pseuds[0].user
        place_in_series(
            work, owner, series=series, new_title=new_series_title, position=series_position,
            announce=False,
        )  # fmt: skip
    if before_announce is not None:
        before_announce(work)
        work.refresh_from_db(fields=["anonymous", "unrevealed"])
    # after the series is placed: its subscribers hear of it once
    work_published.send(sender=Work, work=work)
    announce_gifts(work)
    work_changed([work.pk])
    return work


@transaction.atomic
def update_work(
    work: Work,
    *,
    pseuds: Sequence,
    title: str,
    rating: str,
    fandoms: Iterable[str],
    warnings: Iterable[str] = (),
    categories: Iterable[str] = (),
    relationships: Iterable[str] = (),
    characters: Iterable[str] = (),
    freeforms: Iterable[str] = (),
    summary: str = "",
    notes: str = "",
    end_notes: str = "",
    language: str = "en",
    chapters_expected: int | None = None,
    complete: bool = False,
    restricted: bool = False,
    published_on: date | None = None,
    editor=None,
) -> Work:
    """Change a work's metadata, tags and creators (its chapters are edited one by one).
    With an `editor`, other people's pseuds new to the work are invited, not credited."""
    tags = _tags_of(list(fandoms), warnings, categories, relationships, characters, freeforms)
    if not title.strip():
        raise ValueError("a work needs a title")
    work.title = title.strip()
    work.summary = sanitize_fiction_html(summary)
    work.notes = sanitize_fiction_html(notes)
    work.end_notes = sanitize_fiction_html(end_notes)
    work.rating = rating_tag(rating)
    work.language = language
    work.chapters_expected = chapters_expected
    work.restricted = restricted
    if published_on and published_on != work.published_on:
        work.published_on = published_on
        first = work.chapters.order_by("position").first()
        if first is not None:
            first.published_on = published_on
            first.save(update_fields=["published_on"])
    work.save()
    _set_creators(work, pseuds, editor=editor)
    set_work_tags(work, tags)
    refresh_work_stats(work, mark_complete=complete)
    work_changed([work.pk])
    return work


def refresh_work_stats(work: Work, *, mark_complete: bool = False) -> None:
    """Words, chapter counts and completeness from the posted chapters (all chapters while a
    draft). A work is complete when its expected chapters are all posted; `mark_complete`
    makes the chapters posted so far the whole work."""
    chapters = list(work.chapters.order_by("position"))
    counted = [c for c in chapters if c.posted] if work.posted else chapters
    _number_posted(chapters)
    work.word_count = sum(c.word_count for c in counted)
    work.chapters_posted = len(counted)
    if mark_complete:
        work.chapters_expected = max(work.chapters_posted, 1)
    elif work.chapters_expected and work.chapters_expected < work.chapters_posted:
        work.chapters_expected = work.chapters_posted
    work.complete = bool(work.chapters_expected) and work.chapters_posted >= work.chapters_expected
    work.save(update_fields=["word_count", "chapters_posted", "chapters_expected", "complete"])


def _number_posted(chapters: list[Chapter]) -> None:
    """Number the posted chapters 1, 2, 3… in order, so that a draft chapter between them
    leaves no gap in what readers see; drafts have no reader number."""
    number, changed = 0, []
    for chapter in chapters:
        if chapter.posted:
            number += 1
        wanted = number if chapter.posted else None
        if chapter.posted_number != wanted:
            chapter.posted_number = wanted
            changed.append(chapter)
    Chapter.objects.bulk_update(changed, ["posted_number"])


@transaction.atomic
def publish_work(work: Work) -> None:
    """Post a draft work and every chapter written for it so far."""
    work.chapters.filter(posted=False).update(posted=True)
    work.posted = True
    work.updated_at = _updated_at_for(work.published_on)
    work.save(update_fields=["posted", "updated_at"])
    refresh_work_stats(work)
    work_published.send(sender=Work, work=work)
    announce_gifts(work)
    work_changed([work.pk])


@transaction.atomic
def delete_work(work: Work) -> None:
    """Delete a work with its chapters, tags and series places."""
    pk = work.pk
    work.delete()
    work_changed([pk])


@transaction.atomic
def set_hidden_by_admin(work: Work, hidden: bool) -> None:
    work.hidden_by_admin = hidden
    work.save(update_fields=["hidden_by_admin"])
    work_changed([work.pk])


@transaction.atomic
def move_creatorships(source_pseud, target_pseud) -> None:
    """Credit every work of `source_pseud` to `target_pseud` (used when a pseud is deleted)."""
    for invitation in CreatorInvitation.objects.filter(pseud=source_pseud):
        if CreatorInvitation.objects.filter(work_id=invitation.work_id, pseud=target_pseud):
            invitation.delete()
        else:
            invitation.pseud = target_pseud
            invitation.save(update_fields=["pseud"])
    moved = []
    for creatorship in Creatorship.objects.filter(pseud=source_pseud):
        moved.append(creatorship.work_id)
        if Creatorship.objects.filter(work_id=creatorship.work_id, pseud=target_pseud).exists():
            creatorship.delete()
        else:
            creatorship.pseud = target_pseud
            creatorship.save(update_fields=["pseud"])
    if moved:
        work_changed(moved)


def user_renamed(sender, user, **kwargs) -> None:
    """Bylines and search rows carry the creator's username: their works are announced again."""
    work_changed(Work.objects.by_user(user).values_list("pk", flat=True))


@transaction.atomic
def set_collection_flags(flags: dict[int, tuple[bool, bool]]) -> list[int]:
    """Set works' (anonymous, unrevealed) flags, as the collections app decides them from the
    collections each work is in; the ids of the works that were unrevealed and no longer are
    (the caller announces them). Every work given is announced as changed (work_changed):
    its collections are part of what its pages show, even when its flags stay."""
    revealed = []
    for work in Work.objects.filter(pk__in=list(flags)).only("pk", "anonymous", "unrevealed"):
        anonymous, unrevealed = flags[work.pk]
        if (work.anonymous, work.unrevealed) == (anonymous, unrevealed):
            continue
        if work.unrevealed and not unrevealed:
            revealed.append(work.pk)
        Work.objects.filter(pk=work.pk).update(anonymous=anonymous, unrevealed=unrevealed)
    work_changed(flags)
    return revealed
