import pytest
from django.urls import reverse

from ficarchive.feedback.models import Comment
from ficarchive.feedback.services import post_comment

pytestmark = pytest.mark.django_db


def test_the_work_page_shows_the_kudos_button_and_the_comment_form(work, client):
    page = client.get(f"/works/{work.pk}").content.decode()
    assert "Kudos ♥" in page
    assert 'id="new-comment"' in page
    assert "js/feedback.js" in page


def test_a_guest_leaves_kudos_without_javascript_and_is_thanked(work, client):
    response = client.post(f"/works/{work.pk}/kudos", follow=True)
    assert "Thank you for leaving kudos!" in response.content.decode()
    work.refresh_from_db()
    assert work.kudos_count == 1
    again = client.post(f"/works/{work.pk}/kudos", follow=True)
    assert "already left kudos" in again.content.decode()
    work.refresh_from_db()
    assert work.kudos_count == 1


def test_kudos_by_fetch_answer_with_the_new_list(work, reader, client_for):
    response = client_for(reader).post(f"/works/{work.pk}/kudos", HTTP_ACCEPT="application/json")
    data = response.json()
    assert data["ok"] and "reader" in data["html"]


def test_a_guest_comment_appears_under_the_chapter(work, chapter, client):
    response = client.post(
        f"/works/{work.pk}/comments",
        {"chapter": chapter.pk, "body": "Lovely <b>road</b><script>x()</script>",
         "guest_name": "Wanderer"},
        follow=True,
    )  # fmt: skip
    page = response.content.decode()
    assert "Wanderer" in page and "Lovely <b>road</b>" in page and "x()" not in page
    work.refresh_from_db()
    assert work.comments_count == 1


def test_the_creator_sees_freeze_and_delete_and_a_reader_does_not(work, author, reader, client_for):
    post_comment(work, body="Hello", user=reader)
    creator_page = client_for(author).get(f"/works/{work.pk}").content.decode()
    assert "Freeze thread" in creator_page and "Delete" in creator_page
    other = post_comment(work, body="Mine", user=author)
    reader_page = client_for(reader).get(f"/works/{work.pk}").content.decode()
    assert "Freeze thread" not in reader_page
    assert f"/comments/{other.pk}/delete" not in reader_page


def test_a_deleted_comment_with_replies_leaves_a_note(work, author, reader, client_for):
    top = post_comment(work, body="First!", user=reader)
    post_comment(work, body="Thanks", user=author, parent=top)
    client_for(author).post(f"/comments/{top.pk}/delete")
    page = client_for(reader).get(f"/works/{work.pk}").content.decode()
    assert "(Previous comment deleted.)" in page and "Thanks" in page
    assert Comment.objects.get(pk=top.pk).deleted


def test_every_feedback_page_opens_for_its_user(work, author, reader, client_for):
    top = post_comment(work, body="Hello", user=reader)
    client = client_for(reader)
    for url in [f"/comments/{top.pk}", f"/comments/{top.pk}/reply", f"/comments/{top.pk}/edit",
                f"/comments/{top.pk}/delete", f"/works/{work.pk}/bookmark", "/inbox",
                "/history", "/history?show=later", "/subscriptions", "/users/author/block",
                "/blocked", "/users/reader/bookmarks"]:  # fmt: skip
        assert client.get(url).status_code == 200, url
    assert client_for(author).get(f"/works/{work.pk}/comment-settings").status_code == 200
    assert client.get(f"/works/{work.pk}/comment-settings").status_code == 403


@pytest.fixture
def two_pseuds(author):
    from ficarchive.accounts.models import Pseud

    return [author.default_pseud, Pseud.objects.create(user=author, name="Other Name")]


@pytest.mark.parametrize("pseud", [None, ""])
def test_a_comment_or_reply_without_a_pseud_is_posted_as_the_default_pseud(
    work, author, two_pseuds, client_for, pseud
):
    """Issue 12, finding 3: with several pseuds, a missing or empty `pseud` answered 500."""
    data = {"body": "A note to my readers."} | ({} if pseud is None else {"pseud": pseud})
    client = client_for(author)
    response = client.post(reverse("post_comment", kwargs={"work_id": work.pk}), data)
    assert response.status_code == 302
    top = Comment.objects.get()
    response = client.post(reverse("reply_comment", kwargs={"comment_id": top.pk}), data)
    assert response.status_code == 302
    assert [c.pseud for c in Comment.objects.order_by("pk")] == [author.default_pseud] * 2


@pytest.mark.parametrize("pseud", ["abc", "99999999999999999999", "-1"])
def test_a_comment_with_a_pseud_that_is_not_ones_own_is_refused_with_a_message(
    work, author, two_pseuds, client_for, pseud
):
    client = client_for(author)
    url = reverse("post_comment", kwargs={"work_id": work.pk})
    response = client.post(url, {"body": "Hello.", "pseud": pseud}, follow=True)
    assert "Your comment was not posted" in response.content.decode()
    assert not Comment.objects.exists()
