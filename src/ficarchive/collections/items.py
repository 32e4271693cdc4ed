"""Works and bookmarks in collections, by consent of both sides (AO3's rules):

- a creator adds their own work (when posting or editing): the creator's answer is yes; the
  collection's is yes at once unless it is moderated (then it waits in the approval queue) or
  the creator maintains it; a closed collection takes no new items but from its maintainers;
- a maintainer invites someone's work: the collection's answer is yes and the creators answer
  from their collection items page;
- a bookmark is added by whoever bookmarked it, with the same rules;
- either side can say no or take the item out later.

A work's `anonymous` and `unrevealed` flags follow its items (refresh_work_flags): an item the
creator chose and the collection hasn't refused counts, so a work waiting in a moderated
unrevealed collection is already kept back."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.urls import reverse

from ficarchive.accounts.models import Block
from ficarchive.feedback.services.inbox import deliver_notice
from ficarchive.works.models import Work

from .flags import refresh_work_flags
from .models import Collection, CollectionItem
from .roles import is_maintainer, maintainer_ids

APPROVED, PENDING, REJECTED = (
    CollectionItem.APPROVED,
    CollectionItem.PENDING,
    CollectionItem.REJECTED,
)
MAX_COLLECTIONS_PER_WORK = 20


def _creator_ids(work: Work) -> set[int]:
    return set(work.creatorships.values_list("pseud__user_id", flat=True))


def _add(collection: Collection, by, *, work=None, bookmark=None, own: bool) -> CollectionItem:
    maintainer = is_maintainer(collection, by)
    if not own and not maintainer:
        raise ValueError(
            f"Only its creators or the maintainers of “{collection.title}” can add this there."
        )
    if own and collection.closed and not maintainer:
        raise ValueError(f"“{collection.title}” is closed: it takes no new items.")
    if CollectionItem.objects.filter(collection=collection, work=work, bookmark=bookmark).exists():
        raise ValueError(f"This is already in “{collection.title}”.")
    if work is not None:
        if CollectionItem.objects.filter(work=work).count() >= MAX_COLLECTIONS_PER_WORK:
            raise ValueError(f"A work can be in at most {MAX_COLLECTIONS_PER_WORK} collections.")
    item = CollectionItem.objects.create(
        collection=collection, work=work, bookmark=bookmark, added_by=by,
        creator_answer=APPROVED if own else PENDING,
        collection_answer=APPROVED if (maintainer or not collection.moderated) else PENDING,
        anonymous=_setting(collection, "anonymous"), unrevealed=_setting(collection, "unrevealed"),
    )  # fmt: skip
    if work is not None:
        refresh_work_flags([work.pk])
    return item


def _setting(collection: Collection, name: str) -> bool:
    """A sub-collection is anonymous or unrevealed when it or its parent is."""
    parent = collection.parent
    return getattr(collection, name) or bool(parent and getattr(parent, name))


def hides_creators(collection: Collection) -> bool:
    """Its creators are shown as "Anonymous" (it or its parent is anonymous)."""
    return _setting(collection, "anonymous")


def hides_works(collection: Collection) -> bool:
    """Its works are kept back until the reveal (it or its parent is unrevealed)."""
    return _setting(collection, "unrevealed")


@transaction.atomic
def add_work(collection: Collection, work: Work, by) -> CollectionItem:
    """`by` adds `work`: its creator (their answer is yes) or a maintainer (an invitation the
    creators answer). Creators blocking the maintainer can't be invited."""
    own = work.is_creator(by)
    if not own and not work.posted:
        raise ValueError("Only posted works can be invited to a collection.")
    if not own and Block.objects.filter(blocker_id__in=_creator_ids(work), blocked=by).exists():
        raise ValueError("This work's creator doesn't take invitations from you.")
    item = _add(collection, by, work=work, own=own)
    if not own:
        message = (f"“{collection.title}” invites your work “{work.title}”: approve or decline "
                   "it on your collection items page.")  # fmt: skip
        for user in {c.pseud.user for c in work.creatorships.select_related("pseud__user")}:
            link = reverse("user_collection_items", args=[user.username])
            deliver_notice([user.pk], message, link)
    elif item.collection_answer == PENDING:
        _tell_maintainers(collection, f"“{work.title}” waits for approval in “{collection.title}”.")
    return item


def _tell_maintainers(collection: Collection, message: str) -> None:
    deliver_notice(maintainer_ids(collection), message, reverse("collection_queue",
                   args=[collection.name]))  # fmt: skip


@transaction.atomic
def add_bookmark(collection: Collection, bookmark, by) -> CollectionItem:
    """A reader collects their own (public) bookmark."""
    if bookmark.user_id != by.pk:
        raise ValueError("Only the reader who made a bookmark can add it to a collection.")
    if bookmark.private:
        raise ValueError("A private bookmark can't go in a collection.")
    item = _add(collection, by, bookmark=bookmark, own=True)
    if item.collection_answer == PENDING:
        _tell_maintainers(collection, f"A bookmark waits for approval in “{collection.title}”.")
    return item


@transaction.atomic
def answer_as_collection(items: Iterable[CollectionItem], by, approve: bool) -> int:
    """Approve or reject items as the collection (its maintainers); the number answered. One
    item the person may not answer refuses them all."""
    items = list(items)
    for item in items:
        if not is_maintainer(item.collection, by):
            raise ValueError(
                f"Only the maintainers of “{item.collection.title}” can approve or reject its items."
            )
    answer = APPROVED if approve else REJECTED
    for item in items:
        item.collection_answer = answer
        item.save(update_fields=["collection_answer"])
        if approve and item.work_id and item.creator_answer == APPROVED:
            deliver_notice(
                _creator_ids(item.work), f"“{item.work.title}” was approved for "
                f"“{item.collection.title}”.", item.collection.get_absolute_url(), work=item.work,
            )  # fmt: skip
    refresh_work_flags([i.work_id for i in items if i.work_id])
    return len(items)


@transaction.atomic
def answer_as_creator(item: CollectionItem, by, approve: bool) -> CollectionItem:
    """A creator of the work (or the bookmark's reader) answers an invitation."""
    if not _is_item_owner(item, by):
        raise ValueError("Only the work's creators can answer for it.")
    item.creator_answer = APPROVED if approve else REJECTED
    item.save(update_fields=["creator_answer"])
    if item.work_id:
        refresh_work_flags([item.work_id])
    return item


def _is_item_owner(item: CollectionItem, user) -> bool:
    if item.work_id:
        return item.work.is_creator(user)
    return bool(user and user.is_authenticated) and item.bookmark.user_id == user.pk


@transaction.atomic
def remove_item(item: CollectionItem, by) -> None:
    """The item's creator or a maintainer takes it out of the collection."""
    if not (_is_item_owner(item, by) or is_maintainer(item.collection, by)):
        raise ValueError("Only the item's creators or the collection's maintainers can remove it.")
    work_id = item.work_id
    item.delete()
    if work_id:
        refresh_work_flags([work_id])


def collections_of(work: Work, user=None):
    """The collections `work` shows (both sides said yes), for its page."""
    return Collection.objects.filter(
        items__work=work, items__creator_answer=APPROVED, items__collection_answer=APPROVED
    ).order_by("title")
