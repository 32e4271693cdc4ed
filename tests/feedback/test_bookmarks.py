import pytest

from ficarchive.feedback.services import delete_bookmark, save_bookmark
from ficarchive.works.services import post_work

pytestmark = pytest.mark.django_db


def bookmarks(work):
    work.refresh_from_db()
    return work.bookmarks_count


def test_public_bookmarks_count_and_private_ones_do_not(work, reader):
    bookmark = save_bookmark(reader, work=work, notes="so good", tags=["comfort", "Comfort"])
    assert bookmarks(work) == 1 and [t.name for t in bookmark.tags.all()] == ["comfort"]
    save_bookmark(reader, work=work, private=True)
    assert bookmarks(work) == 0
    save_bookmark(reader, work=work, rec=True)
    assert bookmarks(work) == 1
    delete_bookmark(bookmark)
    assert bookmarks(work) == 0


def test_private_bookmarks_show_only_to_their_owner(work, reader, client_for, client):
    save_bookmark(reader, work=work, notes="<p>secret note</p>", private=True)
    assert "secret note" in client_for(reader).get("/users/reader/bookmarks").content.decode()
    assert "secret note" not in client.get("/users/reader/bookmarks").content.decode()


def test_bookmarks_of_drafts_and_restricted_works_follow_visibility(author, reader, client):
    locked = post_work(
        pseuds=[author.default_pseud], title="Members only", fandoms=["Naruto"],
        rating="General Audiences", restricted=True,
    )  # fmt: skip
    save_bookmark(reader, work=locked)
    assert "Members only" not in client.get("/users/reader/bookmarks").content.decode()


def test_the_bookmarks_page_filters_recs_and_tags(work, author, reader, client_for):
    other = post_work(
        pseuds=[author.default_pseud], title="Second Road", fandoms=["Naruto"],
        rating="General Audiences",
    )  # fmt: skip
    save_bookmark(reader, work=work, rec=True, tags=["slow burn"])
    save_bookmark(reader, work=other)
    client = client_for(reader)
    recs = client.get("/users/reader/bookmarks?rec=1").content.decode()
    assert "The Lantern Road" in recs and "Second Road" not in recs
    tagged = client.get("/users/reader/bookmarks?tag=Slow+Burn").content.decode()
    assert "The Lantern Road" in tagged and "Second Road" not in tagged
    by_title = client.get("/users/reader/bookmarks?sort=title").content.decode()
    assert by_title.index("Second Road") < by_title.index("The Lantern Road")


def test_a_bookmark_is_saved_from_its_form(work, reader, client_for):
    response = client_for(reader).post(
        f"/works/{work.pk}/bookmark", {"notes": "n", "tags": "a, b", "rec": "on"}
    )
    assert response.status_code == 302 and bookmarks(work) == 1
