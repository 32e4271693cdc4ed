"""The page cache follows core.signals: a changed work drops its own pages, the pages of every
tag and creator it was or now is listed under, and the archive-wide listings; a wrangled tag
drops its pages and those of its synonyms.

Versions are bumped at once and again when the transaction commits: the first bump serves the
writer's own next request (and tests, whose transactions never commit); the second drops a page
that a concurrent guest built from the rows as they were before the commit.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from ficarchive.feedback.models import Comment
from ficarchive.tags.models import Tag, name_key
from ficarchive.works.models import Creatorship, WorkFilterTag, WorkTag

from . import readers, versions
from .scopes import ALL, EVERY_CREATOR, EVERY_TAG, SITE, tag_scope, user_scope


def _bump(scopes: set[str]) -> None:
    versions.bump(scopes)
    transaction.on_commit(lambda: versions.bump(scopes))


def listed_scopes(work_ids: list[int]) -> dict[int, list[str]]:
    """The tags (with their synonyms) and creators each work is listed under now."""
    scopes: dict[int, set[str]] = {w: set() for w in work_ids}
    tag_works: dict[int, set[int]] = {}
    for model in (WorkFilterTag, WorkTag):
        for work_id, tag_id in model.objects.filter(work_id__in=work_ids).values_list(
            "work_id", "tag_id"
        ):
            tag_works.setdefault(tag_id, set()).add(work_id)
    if tag_works:
        tags = Tag.objects.filter(Q(pk__in=tag_works) | Q(synonym_of_id__in=tag_works))
        for pk, synonym_of, key in tags.values_list("pk", "synonym_of_id", "name_key"):
            for work_id in tag_works.get(pk, set()) | tag_works.get(synonym_of, set()):
                scopes[work_id].add(tag_scope(key))
    creators = Creatorship.objects.filter(work_id__in=work_ids).values_list(
        "work_id", "pseud__user__username"
    )
    for work_id, username in creators:
        scopes[work_id].add(user_scope(username))
    return {w: sorted(s) for w, s in scopes.items()}


def works_changed(sender, work_ids, **kwargs) -> None:
    now = listed_scopes(work_ids)
    before = versions.remembered_scopes(work_ids)
    scopes = {ALL}
    for work_id in work_ids:
        scopes.add(f"w:{work_id}")
        scopes.update(now[work_id])
        if before[work_id] is None:
            scopes.update((EVERY_TAG, EVERY_CREATOR))
        else:
            scopes.update(before[work_id])
    _bump(scopes)
    # Its creators' own lists may show it where others' don't (readers.NO_SHARING).
    creators = Creatorship.objects.filter(work_id__in=work_ids)
    for user_id in set(creators.values_list("pseud__user_id", flat=True)):
        readers.forget_reader(user_id)
    # What a work is listed under is remembered for its next change: exactly once committed;
    # until then (or if the change is rolled back) also what it was listed under before.
    known = {w: sorted(set(now[w]) | set(before[w])) for w in work_ids if before[w] is not None}
    versions.remember_scopes(known)
    transaction.on_commit(lambda: versions.remember_scopes(now))


def tags_changed(sender, tag_ids, names=(), **kwargs) -> None:
    keys = Tag.objects.filter(Q(pk__in=tag_ids) | Q(synonym_of_id__in=tag_ids)).values_list(
        "name_key", flat=True
    )

    _bump({ALL, *(tag_scope(k) for k in keys), *(tag_scope(name_key(n)) for n in names)})


def work_read(sender, request, work_id, chapter_id=None, **kwargs) -> None:
    """A reading page: serving it from the cache will count a hit too."""
    request.page_cache_reading = (work_id, chapter_id)


def comment_changed(sender, instance, **kwargs) -> None:
    _bump({f"w:{instance.work_id}"})


def username_changed(sender, user, old, new, **kwargs) -> None:
    """The creator's pages under both names, and the works whose comments the user signed (their
    works' own pages go with work_changed, which works sends for them)."""
    commented = Comment.objects.filter(user=user).values_list("work_id", flat=True).distinct()
    _bump({user_scope(old), user_scope(new), *(f"w:{w}" for w in commented)})


def site_changed(sender, **kwargs) -> None:
    """The operator's settings or the front page's news: every kept page goes."""
    _bump({ALL, SITE})


def account_closing(sender, user, **kwargs) -> None:
    """The creator's pages go (their works' pages go with work_changed)."""
    _bump({user_scope(user.username)})


def cache_reconciled(**kwargs) -> None:
    """The versions were deleted from the shared cache: no process may go on with those it
    remembers (they would make the pages kept under them current again)."""
    versions.forget_remembered()


def kudos_changed(sender, instance, **kwargs) -> None:
    """Signed-in readers' kept work pages show the kudos list as it is (readers.kudos_scope)."""
    _bump({readers.kudos_scope(instance.work_id)})


def feedback_settings_changed(sender, instance, **kwargs) -> None:
    """Comments closed or moderated: the work's pages say so at once."""
    _bump({f"w:{instance.work_id}"})


def reader_rows_changed(sender, instance, **kwargs) -> None:
    """What a reader mutes or hides changed: their pages are keyed anew (readers.py)."""
    user_id = getattr(instance, "muter_id", None) or instance.user_id
    readers.forget_reader(user_id)
