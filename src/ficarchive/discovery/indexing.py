"""The search index of works. Follows core.signals.work_changed, sent after every change to a
work's text, tags, creators or visibility; the discovery app owns what it keeps (WorkSearch
rows), then tells the search backend (backends/). The tags app's listener runs first, so the
filter tags read here are fresh."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction

from ficarchive.tags.models import TagType
from ficarchive.text.sanitize import html_to_plain_text

from .backends import search_backend
from .models import WorkSearch
from .textsearch import normalise


def search_document(title: str, texts: Iterable[str], names: Iterable[str]) -> str:
    """The words a text search matches: title, plain text of summary and notes, tag and
    creator names."""
    parts = [title, *(html_to_plain_text(t) for t in texts if t), *names]
    return normalise(" ".join(parts))


def fandom_count(fandoms: Iterable[tuple[int, int | None, bool]]) -> int:
    """Distinct fandoms of a work, a synonym counted as its canonical tag.
    Each fandom is (tag id, synonym_of id, canonical)."""
    return len({tag_id if canonical or not synonym_of else synonym_of
                for tag_id, synonym_of, canonical in fandoms})  # fmt: skip


@transaction.atomic
def index_works(work_ids: Iterable[int]) -> None:
    """Bring the search rows of these works up to date (deleted works lose theirs)."""
    from ficarchive.works.models import Creatorship, Work, WorkFilterTag, WorkTag

    ids = set(work_ids)
    if not ids:
        return
    works = {w.pk: w for w in Work.objects.filter(pk__in=ids)}
    names: dict[int, list[str]] = defaultdict(list)
    fandoms: dict[int, list[tuple[int, int | None, bool]]] = defaultdict(list)
    typed = WorkTag.objects.filter(work_id__in=works).values_list(
        "work_id", "tag_id", "tag__name", "tag__type", "tag__synonym_of_id", "tag__canonical"
    )
    for work_id, tag_id, name, tag_type, synonym_of, canonical in typed:
        names[work_id].append(name)
        if tag_type == TagType.FANDOM:
            fandoms[work_id].append((tag_id, synonym_of, canonical))
    filtered = WorkFilterTag.objects.filter(work_id__in=works).values_list("work_id", "tag__name")
    for work_id, name in filtered:
        names[work_id].append(name)
    named = [pk for pk, w in works.items() if not w.anonymous]  # anonymous: no names to find
    creators = Creatorship.objects.filter(work_id__in=named).values_list(
        "work_id", "pseud__name", "pseud__user__username"
    )
    for work_id, pseud, username in creators:
        names[work_id] += [pseud, username]
    rows = [
        WorkSearch(
            work_id=pk,
            document=search_document(
                w.title, [w.summary, w.notes, w.end_notes], dict.fromkeys(names[pk])
            ),
            fandom_count=fandom_count(fandoms[pk]),
        )
        for pk, w in works.items()
    ]
    WorkSearch.objects.filter(work_id__in=ids).delete()
    WorkSearch.objects.bulk_create(rows)
    search_backend().index(ids)


def on_work_changed(sender, work_ids, **kwargs) -> None:
    """The discovery app's listener for core.signals.work_changed."""
    index_works(work_ids)
