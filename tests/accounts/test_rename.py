"""Changing a username: the new name everywhere the old one showed, the old profile addresses
redirecting, the old name held for its owner, renames limited (docs/accounts.md)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ficarchive.accounts import renames
from ficarchive.accounts.models import User, UsernameChange
from ficarchive.feedback.services.bookmarks import save_bookmark
from ficarchive.feedback.services.comments import post_comment
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


def rename_through_form(client, name, password=PASSWORD):
    return client.post("/account/username", {"username": name, "password": password})


def test_a_rename_shows_the_new_name_on_pages_search_feeds_and_the_api(
    author, reader, client, client_for, make_work
):
    work = make_work(author, "Salt and Lanterns", freeforms=["Lighthouses"])
    post_comment(work, user=author, pseud=author.default_pseud, body="Thanks for reading!")
    save_bookmark(author, work=make_work(reader, "Borrowed Light"), notes="lovely")
    # Guests' pages are kept in the page cache: fill it under the old name first.
    assert "author" in client.get("/users/author/works").content.decode()
    assert client.get(f"/works/{work.pk}").status_code == 200

    response = rename_through_form(client_for(author), "lanternkeeper")
    assert response.status_code == 302 and response["Location"] == "/users/lanternkeeper"

    author.refresh_from_db()
    assert author.username == "lanternkeeper"
    assert author.default_pseud.name == "lanternkeeper"
    page = client.get(f"/works/{work.pk}").content.decode()
    assert "lanternkeeper" in page and ">author<" not in page
    assert "lanternkeeper" in client.get("/users/lanternkeeper/works").content.decode()
    assert "lanternkeeper" in client.get("/users/lanternkeeper/bookmarks").content.decode()
    found = client.get("/works/search", {"q": "lanternkeeper"}).content.decode()
    assert "Salt and Lanterns" in found
    assert "Salt and Lanterns" not in client.get("/works/search", {"q": "author"}).content.decode()
    feed = client.get("/tags/Lighthouses/feed.atom").content.decode()
    assert "<name>lanternkeeper</name>" in feed
    api = client.get("/api/v1/works").json()["results"]
    creators = next(w["creators"] for w in api if w["title"] == "Salt and Lanterns")
    assert creators == [{"pseud": "lanternkeeper", "user": "lanternkeeper"}]


def test_old_profile_addresses_redirect_permanently_while_the_period_lasts(author, client):
    renames.rename(author, "quill")
    for old, new in [
        ("/users/author", "/users/quill"),
        ("/users/author/works", "/users/quill/works"),
        ("/users/author/pseuds/author", "/users/quill/pseuds/quill"),
        ("/users/AUTHOR/bookmarks?page=2", "/users/quill/bookmarks?page=2"),
    ]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
    assert client.get("/users/quill").status_code == 200

    UsernameChange.objects.update(
        changed_at=timezone.now() - timedelta(days=renames.OLD_NAME_DAYS + 1)
    )
    assert client.get("/users/author").status_code == 404


def test_a_taken_or_reserved_name_is_refused_and_changes_nothing(author, reader, client_for):
    response = rename_through_form(client_for(author), "Reader")
    assert response.status_code == 200
    assert "That username is taken." in response.content.decode()
    author.refresh_from_db()
    assert author.username == "author" and not UsernameChange.objects.exists()

    renames.rename(reader, "bookworm")  # "reader" is now held for its former owner
    response = rename_through_form(client_for(author), "reader")
    assert "That username is taken." in response.content.decode()
    signup = client_for(author).__class__().post(
        "/signup",
        {"username": "reader", "email": "new@example.org",
         "password1": "a long passphrase here", "password2": "a long passphrase here"},
    )  # fmt: skip
    assert "That username is taken." in signup.content.decode()
    assert not User.objects.filter(username__iexact="reader").exists()


def test_the_former_owner_may_take_an_old_name_back_but_not_within_the_week(author):
    renames.rename(author, "quill")
    with pytest.raises(Exception, match="once every 7 days"):
        renames.rename(author, "author")
    UsernameChange.objects.update(changed_at=timezone.now() - timedelta(days=8))
    renames.rename(author, "author")
    assert User.objects.get(pk=author.pk).username == "author"


def test_a_wrong_password_or_bad_name_changes_nothing(author, client_for):
    client = client_for(author)
    response = rename_through_form(client, "quill", password="not it")
    assert "That is not your current password." in response.content.decode()
    response = rename_through_form(client, "no spaces allowed")
    assert "A username is 3 to 40 letters" in response.content.decode()
    assert User.objects.get(pk=author.pk).username == "author"


def test_a_second_rename_inside_the_week_is_refused_with_the_date(author, client_for):
    client = client_for(author)
    rename_through_form(client, "quill")
    response = rename_through_form(client, "quill_two")
    assert "once every 7 days" in response.content.decode()
    assert User.objects.get(pk=author.pk).username == "quill"


def test_a_pseud_not_named_like_the_username_keeps_its_name(author, make_work):
    pen = author.pseuds.create(name="Salt Wife")
    renames.rename(author, "quill")
    pen.refresh_from_db()
    assert pen.name == "Salt Wife" and pen.byline == "Salt Wife (quill)"
    assert make_user("other").username == "other"
