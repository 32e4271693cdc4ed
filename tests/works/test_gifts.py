"""Gifts: to pseuds of the archive or names outside it; told through the inbox; refused
gifts name no one; blocked users can't give."""

import pytest

from ficarchive.accounts.models import Block
from ficarchive.feedback.models import Notification
from ficarchive.works.gifts import refuse_gift, set_gifts
from ficarchive.works.models import Gift

pytestmark = pytest.mark.django_db


def test_a_gift_tells_its_recipient_and_shows_on_their_gifts_page(
    author, reader, make_work, client, client_for
):
    work = make_work(author, "For You")
    set_gifts(work, [reader.default_pseud, "Someone Elsewhere"], author)
    from ficarchive.works.gifts import announce_gifts

    assert announce_gifts(work) == 1 and announce_gifts(work) == 0  # told once
    notice = Notification.objects.get(user=reader, kind=Notification.NOTICE)
    assert notice.message == "You were given a gift: “For You”." and notice.work == work
    assert "For You" in client.get("/users/reader/gifts").content.decode()
    page = client.get(f"/works/{work.pk}").content.decode()
    assert 'For <a href="/users/reader/gifts">reader</a>, Someone Elsewhere.' in page


def test_posting_with_a_gift_through_the_form_tells_the_recipient(author, reader, client_for):
    response = client_for(author).post("/works/new", {
        "title": "Posted Gift", "pseuds": [author.default_pseud.pk], "rating": "Not Rated",
        "warnings": ["No Archive Warnings Apply"], "fandoms": "Original Work", "language": "en",
        "gift_to": "reader", "chapter-body": "<p>Hello</p>", "action": "post",
    })  # fmt: skip
    assert response.status_code == 302
    assert Notification.objects.filter(user=reader, message__contains="Posted Gift").exists()


def test_refusing_a_gift_unnames_the_recipient_and_it_cannot_be_given_again(
    author, reader, make_work, client, client_for
):
    work = make_work(author, "Unwanted")
    set_gifts(work, [reader.default_pseud], author)
    gift = Gift.objects.get()
    with pytest.raises(ValueError, match="recipient"):
        refuse_gift(gift, author)
    client_for(reader).post(f"/works/{work.pk}/gift/refuse")
    assert 'class="gifts"' not in client.get(f"/works/{work.pk}").content.decode()
    assert "Unwanted" not in client.get("/users/reader/gifts").content.decode()
    assert "Unwanted" in client_for(reader).get("/users/reader/gifts").content.decode()
    assert not Notification.objects.filter(user=author, message__contains="refus").exists()
    with pytest.raises(ValueError, match="can't be given"):
        set_gifts(work, [reader.default_pseud], author)


def test_a_user_who_blocked_the_creator_cannot_be_given_a_work(author, reader, make_work):
    Block.objects.create(blocker=reader, blocked=author)
    work = make_work(author)
    with pytest.raises(ValueError, match="doesn't accept gifts"):
        set_gifts(work, [reader.default_pseud], author)
    assert not Gift.objects.exists()


def test_the_form_refuses_a_blocked_gift_and_posts_nothing(author, reader, client_for):
    from ficarchive.works.models import Work

    Block.objects.create(blocker=reader, blocked=author)
    response = client_for(author).post("/works/new", {
        "title": "Blocked Gift", "pseuds": [author.default_pseud.pk], "rating": "Not Rated",
        "warnings": ["No Archive Warnings Apply"], "fandoms": "Original Work", "language": "en",
        "gift_to": "reader", "chapter-body": "<p>Hello</p>", "action": "post",
    })  # fmt: skip
    assert response.status_code == 200
    assert "accept gifts from you" in response.content.decode()
    assert not Work.objects.exists()
