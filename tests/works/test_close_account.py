"""Deleting one's account: each work orphaned or deleted as chosen, comments left as "deleted
user" or gone, and nothing of the user left in pages, search, feeds or the API."""

import pytest

from ficarchive.accounts.models import Pseud, User
from ficarchive.feedback.models import Bookmark, Comment, Kudos, Subscription
from ficarchive.feedback.services.bookmarks import save_bookmark
from ficarchive.feedback.services.comments import post_comment
from ficarchive.feedback.services.kudos import leave_kudos
from ficarchive.feedback.services.subscriptions import subscribe
from ficarchive.works.models import Work
from ficarchive.works.orphaning import ORPHAN_ACCOUNT
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def leaving(author, reader, coauthor, make_work):
    """The author's works (one to keep as an orphan, one to delete, one shared with the
    coauthor) and their traces on the reader's work."""
    kept = make_work(author, "Driftwood Letters", freeforms=["Seaside"])
    gone = make_work(author, "Unfinished Ferry", freeforms=["Seaside"])
    shared = make_work(author, "Two Lighthouses", co=coauthor, freeforms=["Seaside"])
    theirs = make_work(reader, "Reader's Harbour", freeforms=["Seaside"])
    post_comment(theirs, user=author, pseud=author.default_pseud, body="Signed by the leaver")
    leave_kudos(theirs, user=author)
    save_bookmark(author, work=theirs, notes="a keeper")
    subscribe(author, work=theirs)
    subscribe(reader, creator=author)
    return {"kept": kept, "gone": gone, "shared": shared, "theirs": theirs}


def close(client, works, *, keep_comments="1", password=PASSWORD, choices=None):
    data = {"password": password, "keep_comments": keep_comments}
    data.update({f"work_{works[k].pk}": "orphan" for k in ("kept", "gone", "shared")})
    data.update(choices or {})
    return client.post("/account/delete", data)


def test_deleting_orphans_and_deletes_as_chosen_and_leaves_no_trace(
    author, reader, coauthor, client, client_for, leaving
):
    kept, gone, shared, theirs = (leaving[k] for k in ("kept", "gone", "shared", "theirs"))
    # Guests' pages kept under the author's name first (the page cache must drop them).
    client.get("/users/author/works")
    client.get(f"/works/{theirs.pk}")
    client.get("/tags/Seaside/feed.atom")

    response = close(client_for(author), leaving, choices={
        f"work_{kept.pk}": "orphan", f"work_{gone.pk}": "delete", f"work_{shared.pk}": "delete",
    })  # fmt: skip
    assert response.status_code == 302 and response["Location"] == "/"

    assert not User.objects.filter(username="author").exists()
    assert not Pseud.objects.filter(name="author").exists()
    kept.refresh_from_db()
    assert [c.pseud.user.username for c in kept.creatorships.all()] == [ORPHAN_ACCOUNT]
    assert not Work.objects.filter(pk=gone.pk).exists()
    assert [c.pseud.user.username for c in shared.creatorships.all()] == ["coauthor"]
    theirs.refresh_from_db()
    assert (theirs.kudos_count, theirs.bookmarks_count, theirs.comments_count) == (0, 0, 1)
    assert not Kudos.objects.exists() and not Bookmark.objects.exists()
    assert not Subscription.objects.exists()
    comment = Comment.objects.get()
    assert comment.user is None and comment.author_name == "deleted user"

    assert client.get("/users/author").status_code == 404
    assert client.get("/users/author/works").status_code == 404
    page = client.get(f"/works/{theirs.pk}").content.decode()
    assert "deleted user" in page and "/users/author" not in page
    listing = client.get("/works").content.decode()
    assert "Unfinished Ferry" not in listing and "/users/author" not in listing
    assert "Driftwood Letters" in listing
    assert "Driftwood Letters" not in client.get("/works/search", {"q": "author"}).content.decode()
    found = client.get("/works/search", {"q": "orphan_account"}).content.decode()
    assert "Driftwood Letters" in found
    feed = client.get("/tags/Seaside/feed.atom").content.decode()
    assert "<name>author</name>" not in feed and "Unfinished Ferry" not in feed
    api = client.get("/api/v1/works").json()["results"]
    names = {c["user"] for w in api for c in w["creators"]}
    assert "author" not in names and {w["title"] for w in api} == {
        "Driftwood Letters", "Two Lighthouses", "Reader's Harbour"
    }  # fmt: skip
    assert client_for(reader).get("/subscriptions").status_code == 200


def test_comments_can_go_with_the_account(author, client_for, leaving):
    close(client_for(author), leaving, keep_comments="0")
    assert not Comment.objects.exists()
    leaving["theirs"].refresh_from_db()
    assert leaving["theirs"].comments_count == 0
    assert Work.objects.filter(pk=leaving["gone"].pk).exists()  # orphaned, as chosen


def test_a_work_left_without_a_choice_stops_the_deletion(author, client_for, leaving):
    data = {"password": PASSWORD, "keep_comments": "1"}
    response = client_for(author).post("/account/delete", data)
    assert (
        response.status_code == 200
        and "Choose whether to orphan or delete this work." in response.content.decode()
    )
    assert User.objects.filter(username="author").exists()


def test_a_wrong_password_deletes_nothing(author, client_for, leaving):
    response = close(client_for(author), leaving, password="not it",
                     choices={f"work_{leaving['gone'].pk}": "delete"})  # fmt: skip
    assert response.status_code == 200
    assert "That is not your password. Nothing was deleted." in response.content.decode()
    assert User.objects.filter(username="author").exists()
    assert Work.objects.filter(pk=leaving["gone"].pk).exists()
    assert Comment.objects.get().user.username == "author"


def test_a_failure_halfway_rolls_everything_back(author, client_for, leaving, monkeypatch):
    from ficarchive.feedback.services import closing

    def broken(*args, **kwargs):
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(closing, "delete_bookmark", broken)
    with pytest.raises(RuntimeError):
        close(client_for(author), leaving, keep_comments="0",
              choices={f"work_{leaving['gone'].pk}": "delete"})  # fmt: skip
    assert User.objects.filter(username="author").exists()
    assert Work.objects.filter(pk=leaving["gone"].pk).exists()
    assert leaving["kept"].creatorships.get().pseud.user.username == "author"
    assert Comment.objects.get().user.username == "author"


def test_every_browser_signed_in_to_the_account_is_signed_out(
    author, client_for, leaving, django_capture_on_commit_callbacks
):
    from importlib import import_module

    from django.conf import settings

    elsewhere = client_for(author)
    key = elsewhere.session.session_key
    store = import_module(settings.SESSION_ENGINE).SessionStore
    assert store().exists(key)
    with django_capture_on_commit_callbacks(execute=True):
        close(client_for(author), leaving)
    assert not store().exists(key)


def test_a_work_given_to_the_leaver_no_longer_names_them(
    author, reader, client, client_for, make_work
):
    from ficarchive.works.gifts import set_gifts

    present = make_work(reader, "A Present")
    set_gifts(present, [author.default_pseud], reader)
    url = f"/works/{present.pk}"
    assert "/users/author" in client.get(url).content.decode()
    client.get(url)  # kept for guests now
    close_account_of(client_for(author))
    page = client.get(url).content.decode()
    assert "A Present" in page and "/users/author" not in page


def close_account_of(client):
    return client.post("/account/delete", {"password": PASSWORD, "keep_comments": "1"})
