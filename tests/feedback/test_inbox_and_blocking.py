import pytest

from ficarchive.accounts.models import Block, Preference
from ficarchive.feedback.models import Notification
from ficarchive.feedback.services import post_comment
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_the_inbox_lists_comments_and_marks_them_read(work, author, reader, client_for):
    post_comment(work, body="Inbox me", user=reader)
    client = client_for(author)
    page = client.get("/inbox").content.decode()
    assert "Inbox me" in page and "1 unread" in page
    client.post("/inbox/change", {"all": "1", "action": "read"})
    assert not Notification.objects.filter(user=author, read=False).exists()


def test_the_creator_replies_from_the_inbox(work, author, reader, client_for):
    top = post_comment(work, body="Question?", user=reader)
    response = client_for(author).post(
        f"/comments/{top.pk}/reply", {"body": "Answer.", "next": "/inbox"}
    )
    assert response.status_code == 302 and response["Location"] == "/inbox"
    assert Notification.objects.filter(user=reader, kind="reply").exists()


def test_someone_elses_inbox_is_not_shown(work, author, reader, client_for):
    post_comment(work, body="Private to the author", user=reader)
    assert "Private to the author" not in client_for(reader).get("/inbox").content.decode()


def test_a_blocked_reader_gets_a_403_page_that_says_why(work, author, reader, client_for):
    client_for(author).post("/users/reader/block")
    assert Block.objects.filter(blocker=author, blocked=reader).exists()
    client = client_for(reader)
    response = client.post(f"/works/{work.pk}/comments", {"body": "hello"})
    assert response.status_code == 403
    assert "author has blocked you" in response.content.decode()
    assert client.post(f"/works/{work.pk}/kudos").status_code == 403
    work.refresh_from_db()
    assert work.comments_count == 0 and work.kudos_count == 0


def test_guests_see_why_they_cannot_comment(work, author, client):
    Preference.objects.filter(user=author).update(allow_guest_comments=False)
    page = client.get(f"/works/{work.pk}").content.decode()
    assert "only from signed-in readers" in page and 'id="new-comment"' not in page
    response = client.post(f"/works/{work.pk}/comments", {"body": "hi", "guest_name": "G"})
    assert response.status_code == 403


def test_a_flood_of_comments_is_stopped_with_a_clear_message(work, reader, client_for):
    client = client_for(reader)
    for n in range(10):
        client.post(f"/works/{work.pk}/comments", {"body": f"comment {n}"})
    response = client.post(f"/works/{work.pk}/comments", {"body": "one too many"}, follow=True)
    assert "too many in a short time" in response.content.decode()
    work.refresh_from_db()
    assert work.comments_count == 10


def test_the_creator_holds_comments_for_approval_from_the_settings_page(
    work, author, reader, client_for
):
    client_for(author).post(
        f"/works/{work.pk}/comment-settings",
        {"moderate_comments": "on", "guest_comments": "unknown"},
    )
    client_for(reader).post(f"/works/{work.pk}/comments", {"body": "wait for me"})
    stranger = make_user("stranger")
    assert "wait for me" not in client_for(stranger).get(f"/works/{work.pk}").content.decode()
    assert "wait for me" in client_for(reader).get(f"/works/{work.pk}").content.decode()
    settings_page = client_for(author).get(f"/works/{work.pk}/comment-settings")
    assert "wait for me" in settings_page.content.decode()


def test_a_reader_subscribes_and_unsubscribes_from_the_work_page(work, reader, client_for):
    client = client_for(reader)
    client.post(f"/works/{work.pk}/subscribe", {"on": "1"})
    assert "Unsubscribe" in client.get(f"/works/{work.pk}").content.decode()
    client.post(f"/works/{work.pk}/subscribe", {"on": "0"})
    assert "Unsubscribe" not in client.get(f"/works/{work.pk}").content.decode()
