"""Anonymous and unrevealed collections: who sees what, everywhere, until the reveal; the
reveal by maintainers and by the periodic job; subscribers hear only at the reveal."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from ficarchive.collections.items import add_work, answer_as_collection
from ficarchive.collections.models import Collection
from ficarchive.collections.reveal import reveal_creators, reveal_due, reveal_works
from ficarchive.collections.services import update_collection
from ficarchive.feedback.models import Notification
from ficarchive.feedback.services.subscriptions import subscribe
from ficarchive.works.models import Work

pytestmark = pytest.mark.django_db
TITLE = "Lanterns Over Ice"


@pytest.fixture
def fest(make_collection):
    return make_collection(moderated=True, anonymous=True, unrevealed=True,
                           reveal_at=timezone.now() + timedelta(days=2))  # fmt: skip


def test_an_unrevealed_work_is_hidden_from_every_reader_until_the_reveal(
    fest, author, reader, maintainer, make_work, client_for
):
    work = make_work(author, TITLE, summary="<p>frostmarker</p>")
    add_work(fest, work, author)
    assert Work.objects.get(pk=work.pk).unrevealed  # waiting for approval is already hidden
    guest, signed_in = Client(), client_for(reader)
    pages = ["/", "/works", f"/works/{work.pk}", "/works/search?q=frostmarker",
             "/users/author", "/users/author/works", f"/collections/{fest.name}/works",
             f"/collections/{fest.name}/works.atom", "/opds/recent", f"/api/v1/works/{work.pk}",
             "/api/v1/search?q=frostmarker", f"/downloads/{work.pk}/a.epub"]  # fmt: skip
    for client in (guest, signed_in):
        for url in pages:
            assert TITLE not in client.get(url).content.decode(errors="replace"), url
    assert TITLE in client_for(author).get(f"/works/{work.pk}").content.decode()
    reveal_works(fest, maintainer)
    assert TITLE in guest.get(f"/works/{work.pk}").content.decode()


def test_a_maintainer_sees_the_unrevealed_works_of_their_collection_with_creators(
    fest, author, maintainer, make_work, client_for
):
    work = make_work(author, TITLE)
    answer_as_collection([add_work(fest, work, author)], maintainer, True)
    page = client_for(maintainer).get(f"/collections/{fest.name}/works").content.decode()
    assert TITLE in page and 'href="/users/author/pseuds/author' in page


def test_anonymous_creators_are_hidden_everywhere_until_revealed(
    make_collection, author, reader, maintainer, make_work, client
):
    fest = make_collection(anonymous=True)
    work = make_work(author, TITLE)
    add_work(fest, work, author)
    for url in [f"/works/{work.pk}", "/works", f"/collections/{fest.name}/works"]:
        text = client.get(url).content.decode()
        assert TITLE in text and "Anonymous" in text and "/users/author" not in text, url
    for url in ["/users/author", "/users/author/works"]:
        assert TITLE not in client.get(url).content.decode(), url
    assert client.get("/works/search?q=author").content.decode().count(TITLE) == 0
    api = client.get(f"/api/v1/works/{work.pk}").json()
    assert api["creators"] == [] and api["anonymous"] is True
    feed = client.get(f"/collections/{fest.name}/works.atom").content.decode()
    assert "<name>Anonymous</name>" in feed and "<name>author" not in feed
    download = client.get(f"/downloads/{work.pk}/a.txt")
    text = b"".join(download.streaming_content).decode()
    assert "by Anonymous" in text and "author" not in text.lower()
    assert (
        "/users/author" not in client.get(f"/collections/{fest.name}/participants").content.decode()
    )
    reveal_creators(fest, maintainer)
    assert "/users/author" in client.get(f"/works/{work.pk}").content.decode()


def test_reveals_need_a_maintainer(fest, reader, author, make_work):
    add_work(fest, make_work(author, TITLE), author)
    with pytest.raises(ValueError, match="maintainers"):
        reveal_works(fest, reader)
    assert Work.objects.get(title=TITLE).unrevealed


def test_the_periodic_job_reveals_when_the_date_comes(fest, author, maintainer, make_work):
    work = make_work(author, TITLE)
    answer_as_collection([add_work(fest, work, author)], maintainer, True)
    assert reveal_due() == 0
    Collection.objects.filter(pk=fest.pk).update(
        reveal_creators_at=timezone.now() + timedelta(days=3)
    )
    assert reveal_due(timezone.now() + timedelta(days=2, minutes=1)) == 1
    work.refresh_from_db()
    assert not work.unrevealed and work.anonymous
    assert reveal_due(timezone.now() + timedelta(days=4)) == 1
    work.refresh_from_db()
    assert not work.anonymous


def test_subscribers_hear_of_an_unrevealed_work_only_at_the_reveal(
    fest, author, reader, maintainer, make_work
):
    subscribe(reader, creator=author)
    from ficarchive.collections.news import subscribe as follow

    follow(reader, fest)
    work = make_work(author, "Before")  # outside any collection: heard at once
    assert Notification.objects.filter(user=reader, work=work).count() == 1
    # posted straight into the collection through the form's part, before the announcement
    from ficarchive.works.services import post_work

    hidden = post_work(
        pseuds=[author.default_pseud], title=TITLE, fandoms=["Original Work"], body="<p>x</p>",
        before_announce=lambda w: add_work(fest, w, author),
    )  # fmt: skip
    answer_as_collection(list(fest.items.all()), maintainer, True)
    assert not Notification.objects.filter(user=reader, work=hidden).exists()
    assert not any(TITLE in m.subject for m in mail.outbox if reader.email in m.to)
    reveal_works(fest, maintainer)
    assert Notification.objects.filter(user=reader, work=hidden).count() == 1  # once
    assert any(TITLE in m.subject for m in mail.outbox if reader.email in m.to)
    reveal_creators(fest, maintainer)
    assert Notification.objects.filter(user=reader, work=hidden).count() == 1


def test_anonymous_works_are_not_announced_to_their_creators_followers(
    make_collection, author, reader, make_work
):
    fest = make_collection(anonymous=True)
    subscribe(reader, creator=author)
    from ficarchive.works.services import post_work

    work = post_work(
        pseuds=[author.default_pseud], title=TITLE, fandoms=["Original Work"], body="<p>x</p>",
        before_announce=lambda w: add_work(fest, w, author),
    )  # fmt: skip
    assert not Notification.objects.filter(user=reader, work=work).exists()


def test_turning_unrevealed_on_hides_what_is_already_there(
    make_collection, author, maintainer, make_work, client
):
    fest = make_collection()
    work = make_work(author, TITLE)
    add_work(fest, work, author)
    update_collection(fest, maintainer, unrevealed=True)
    assert client.get(f"/works/{work.pk}").status_code == 404
    update_collection(fest, maintainer, unrevealed=False)
    assert client.get(f"/works/{work.pk}").status_code == 200


def test_a_creators_comment_on_their_anonymous_work_does_not_name_them(
    make_collection, author, reader, make_work, client, client_for
):
    from ficarchive.feedback.services.comments import post_comment

    fest = make_collection(anonymous=True)
    work = make_work(author, TITLE)
    add_work(fest, work, author)
    post_comment(work, user=author, body="Thank you all for reading.")
    page = client.get(f"/works/{work.pk}").content.decode()
    assert "Anonymous Creator" in page and "/users/author" not in page
    assert "/users/author" in client_for(author).get(f"/works/{work.pk}").content.decode()
