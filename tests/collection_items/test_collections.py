"""Creating and running a collection: names, settings, maintainers, sub-collections."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ficarchive.collections.models import Collection, Participant
from ficarchive.collections.services import (
    create_collection,
    is_maintainer,
    remove_participant,
    set_role,
    update_collection,
)  # fmt: skip

pytestmark = pytest.mark.django_db


def test_a_new_collection_has_its_creator_as_owner(make_collection, maintainer, reader):
    collection = make_collection(description="<p>Snow</p><script>x()</script>")
    assert collection.get_absolute_url() == "/collections/winter_fest"
    assert is_maintainer(collection, maintainer)
    assert not is_maintainer(collection, reader)
    assert "<script>" not in collection.description


@pytest.mark.parametrize("name", ["Winter_Fest", "winter fest", "", "x" * 61, "fest/../x", "new"])
def test_a_taken_or_unfit_name_is_refused_and_nothing_is_made(make_collection, reader, name):
    make_collection()
    with pytest.raises(ValueError, match="name"):
        create_collection(reader, name=name, title="Another")
    assert Collection.objects.count() == 1


def test_a_reveal_date_in_the_past_is_refused(make_collection):
    with pytest.raises(ValueError, match="past"):
        make_collection(unrevealed=True, reveal_at=timezone.now() - timedelta(hours=1))
    assert not Collection.objects.exists()


def test_sub_collections_go_one_level_deep_and_need_the_parents_maintainer(
    make_collection, maintainer, reader
):
    parent = make_collection()
    child = make_collection("winter_fest_art", "Art", parent=parent)
    assert list(parent.children.all()) == [child]
    with pytest.raises(ValueError, match="sub-collections of its own"):
        make_collection("deeper", "Deeper", parent=child)
    with pytest.raises(ValueError, match="maintainers"):
        create_collection(reader, name="intruder", title="Mine", parent=parent)
    assert is_maintainer(child, maintainer)


def test_only_owners_change_settings_and_roles(make_collection, maintainer, reader, author):
    collection = make_collection()
    set_role(collection, maintainer, reader, Participant.MODERATOR)
    assert is_maintainer(collection, reader)
    with pytest.raises(ValueError, match="owners"):
        update_collection(collection, reader, closed=True)
    with pytest.raises(ValueError, match="owners"):
        set_role(collection, reader, author, Participant.OWNER)
    collection.refresh_from_db()
    assert not collection.closed
    update_collection(collection, maintainer, closed=True, title="  Winter   Fest 2  ")
    collection.refresh_from_db()
    assert collection.closed and collection.title == "Winter Fest 2"


def test_a_collection_keeps_an_owner(make_collection, maintainer):
    collection = make_collection()
    with pytest.raises(ValueError, match="needs an owner"):
        remove_participant(collection, maintainer, maintainer)
    with pytest.raises(ValueError, match="needs an owner"):
        set_role(collection, maintainer, maintainer, Participant.MEMBER)
    assert Participant.objects.get(collection=collection).role == Participant.OWNER


@pytest.mark.parametrize(
    "fields, message",
    [({"header_image_url": "javascript:alert(1)"}, "http"), ({"title": "   "}, "title"),
     ({"title": "x" * 256}, "title"), ({"rules": "x" * 20_001}, "rules")],
)  # fmt: skip
def test_hostile_settings_are_refused_and_nothing_is_made(make_collection, fields, message):
    settings = {"title": "Fest", **fields}
    with pytest.raises(ValueError, match=message):
        make_collection("fest", **settings)
    assert not Collection.objects.exists()


def test_an_unknown_setting_or_role_is_refused(make_collection, maintainer, reader):
    collection = make_collection()
    with pytest.raises(ValueError, match="Unknown"):
        update_collection(collection, maintainer, name="other")
    with pytest.raises(ValueError, match="not a role"):
        set_role(collection, maintainer, reader, "king")
