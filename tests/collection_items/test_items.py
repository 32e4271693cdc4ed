"""Works and bookmarks in collections, by consent of both sides."""

import pytest

from ficarchive.accounts.models import Block
from ficarchive.collections.access import works_of
from ficarchive.collections.items import (
    add_bookmark,
    add_work,
    answer_as_collection,
    answer_as_creator,
    remove_item,
)  # fmt: skip
from ficarchive.collections.models import CollectionItem
from ficarchive.feedback.models import Notification
from ficarchive.feedback.services.bookmarks import save_bookmark

pytestmark = pytest.mark.django_db
APPROVED, PENDING, REJECTED = (
    CollectionItem.APPROVED,
    CollectionItem.PENDING,
    CollectionItem.REJECTED,
)


def test_a_creator_adds_their_work_to_an_open_collection_at_once(
    make_collection, author, reader, make_work
):
    collection = make_collection()
    work = make_work(author)
    item = add_work(collection, work, author)
    assert (item.creator_answer, item.collection_answer) == (APPROVED, APPROVED)
    assert list(works_of(collection, reader)) == [work]


def test_a_moderated_collection_holds_works_until_a_maintainer_approves(
    make_collection, author, reader, maintainer, make_work
):
    collection = make_collection(moderated=True)
    first, second = make_work(author, "First"), make_work(author, "Second")
    items = [add_work(collection, first, author), add_work(collection, second, author)]
    assert not works_of(collection, reader).exists()
    assert Notification.objects.filter(user=maintainer, kind=Notification.NOTICE).count() == 2
    with pytest.raises(ValueError, match="maintainers"):
        answer_as_collection(items, reader, True)
    assert not works_of(collection, reader).exists()
    answer_as_collection([items[0]], maintainer, True)
    answer_as_collection([items[1]], maintainer, False)
    assert list(works_of(collection, reader)) == [first]
    told = Notification.objects.filter(user=author, kind=Notification.NOTICE)
    assert [n.message for n in told] == ["“First” was approved for “Winter Fest”."]


def test_a_closed_collection_takes_nothing_new_but_from_its_maintainers(
    make_collection, author, maintainer, make_work
):
    collection = make_collection(closed=True)
    work = make_work(author)
    with pytest.raises(ValueError, match="closed"):
        add_work(collection, work, author)
    assert not CollectionItem.objects.exists()
    own = make_work(maintainer, "Maintainer's own")
    assert add_work(collection, own, maintainer).approved


def test_a_maintainer_invites_a_work_and_its_creator_answers(
    make_collection, author, maintainer, reader, make_work
):
    collection = make_collection(moderated=True)
    work = make_work(author)
    item = add_work(collection, work, maintainer)
    assert (item.creator_answer, item.collection_answer) == (PENDING, APPROVED)
    notice = Notification.objects.get(user=author, kind=Notification.NOTICE)
    assert "invites your work" in notice.message and notice.link == "/users/author/collection_items"
    assert not works_of(collection, reader).exists()
    with pytest.raises(ValueError, match="creators"):
        answer_as_creator(item, reader, True)
    answer_as_creator(item, author, True)
    assert list(works_of(collection, reader)) == [work]


def test_strangers_and_blocked_maintainers_cannot_add_a_work(
    make_collection, author, maintainer, reader, make_work
):
    collection = make_collection()
    work = make_work(author)
    with pytest.raises(ValueError, match="Only its creators"):
        add_work(collection, work, reader)
    Block.objects.create(blocker=author, blocked=maintainer)
    with pytest.raises(ValueError, match="invitations from you"):
        add_work(collection, work, maintainer)
    assert not CollectionItem.objects.exists()


def test_a_work_is_added_once(make_collection, author, make_work):
    collection = make_collection()
    work = make_work(author)
    add_work(collection, work, author)
    with pytest.raises(ValueError, match="already"):
        add_work(collection, work, author)


def test_either_side_can_take_a_work_out(make_collection, author, maintainer, reader, make_work):
    collection = make_collection()
    work = make_work(author)
    with pytest.raises(ValueError, match="Only the item"):
        remove_item(add_work(collection, work, author), reader)
    remove_item(CollectionItem.objects.get(), maintainer)
    assert not works_of(collection, reader).exists()


def test_public_bookmarks_are_collected_by_their_reader(make_collection, author, reader, make_work):
    collection = make_collection()
    bookmark = save_bookmark(reader, work=make_work(author), notes="Lovely")
    with pytest.raises(ValueError, match="Only the reader"):
        add_bookmark(collection, bookmark, author)
    assert add_bookmark(collection, bookmark, reader).approved
    hidden = save_bookmark(author, work=make_work(reader, "Other"), private=True)
    with pytest.raises(ValueError, match="private"):
        add_bookmark(collection, hidden, author)


def test_a_sub_collections_works_show_in_its_parent(make_collection, author, reader, make_work):
    parent = make_collection()
    child = make_collection("winter_fest_art", "Art", parent=parent)
    work = make_work(author)
    add_work(child, work, author)
    assert list(works_of(parent, reader)) == [work]


def test_a_works_collections_changing_is_announced_as_a_work_change(
    make_collection, author, maintainer, make_work
):
    from ficarchive.core import signals

    collection = make_collection(moderated=True)
    work = make_work(author)
    heard = []

    def listener(sender, work_ids, **kwargs):
        heard.append(work_ids)

    signals.work_changed.connect(listener, dispatch_uid="test-collections-heard")
    try:
        item = add_work(collection, work, author)
        answer_as_collection([item], maintainer, True)
    finally:
        signals.work_changed.disconnect(dispatch_uid="test-collections-heard")
    assert heard.count([work.pk]) >= 2  # added, then approved (no flag changed)
