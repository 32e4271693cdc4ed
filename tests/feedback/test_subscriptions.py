import pytest
from django.core import mail

from ficarchive.feedback.models import Notification
from ficarchive.feedback.services import (
    notify_new_chapter,
    notify_new_series_part,
    notify_new_work,
    subscribe,
)
from ficarchive.works.models import Chapter, Series, SeriesWork
from ficarchive.works.services import post_work

pytestmark = pytest.mark.django_db


def new_chapter(work, position, posted=True):
    return Chapter.objects.create(work=work, position=position, body="<p>More.</p>", posted=posted)


def test_editing_a_chapter_three_times_notifies_once(work, reader):
    subscribe(reader, work=work)
    chapter = new_chapter(work, 2)
    results = [notify_new_chapter(chapter) for _ in range(3)]
    assert results == [True, False, False]
    assert Notification.objects.filter(user=reader, kind="chapter").count() == 1
    assert len(mail.outbox) == 1 and "new chapter" in mail.outbox[0].subject.lower()


def test_a_draft_chapter_notifies_nobody(work, reader):
    subscribe(reader, work=work)
    assert notify_new_chapter(new_chapter(work, 2, posted=False)) is False
    assert not Notification.objects.filter(user=reader).exists()


def test_a_creators_subscribers_hear_of_a_new_work_once(author, reader):
    subscribe(reader, creator=author)
    work = post_work(pseuds=[author.default_pseud], title="Another", fandoms=["Naruto"])
    assert not notify_new_work(work)  # posting announced it already
    assert Notification.objects.filter(user=reader, kind="work").count() == 1
    # its first chapter counts as announced already
    assert notify_new_chapter(work.chapters.get()) is False


def test_a_restricted_work_reaches_only_readers_who_may_see_it(author, reader):
    subscribe(reader, creator=author)
    work = post_work(
        pseuds=[author.default_pseud], title="Locked", fandoms=["Naruto"], restricted=True
    )
    notify_new_work(work)
    assert Notification.objects.filter(user=reader, work=work).count() == 1


def test_series_subscribers_hear_of_a_new_part_once(author, reader, work):
    series = Series.objects.create(title="Roads", owner=author)
    subscribe(reader, series=series)
    SeriesWork.objects.create(series=series, work=work, position=1)
    assert notify_new_series_part(series, work)
    # placing the work again (a new SeriesWork row) is not news
    SeriesWork.objects.filter(series=series, work=work).delete()
    SeriesWork.objects.create(series=series, work=work, position=1)
    assert not notify_new_series_part(series, work)
    assert Notification.objects.filter(user=reader, kind="series_part").count() == 1


def test_a_reader_subscribed_twice_over_hears_once(author, reader):
    series = Series.objects.create(title="Roads", owner=author)
    subscribe(reader, series=series)
    subscribe(reader, creator=author)
    work = post_work(
        pseuds=[author.default_pseud], title="Part two", fandoms=["Naruto"], series=series
    )
    notify_new_series_part(series, work)
    assert Notification.objects.filter(user=reader).count() == 1


def test_posting_through_the_services_notifies_each_subscriber_once(author, reader):
    from ficarchive.works.chapters import add_chapter, post_chapter, update_chapter
    from ficarchive.works.services import publish_work

    subscribe(reader, creator=author)
    draft = post_work(pseuds=[author.default_pseud], title="Slow", fandoms=["Naruto"], draft=True)
    assert not Notification.objects.filter(user=reader).exists()  # drafts are nobody's news
    publish_work(draft)
    assert Notification.objects.filter(user=reader, kind="work").count() == 1

    subscribe(reader, work=draft)
    chapter = add_chapter(draft, body="Two.", draft=True)
    assert not Notification.objects.filter(user=reader, kind="chapter").exists()
    post_chapter(chapter)
    for text in ("Two, again.", "Two, once more.", "Two, at last."):
        update_chapter(chapter, body=text)
    assert Notification.objects.filter(user=reader, kind="chapter").count() == 1


def test_news_delivered_again_by_a_task_run_twice_tells_and_mails_each_reader_once(work, reader):
    """A task worker that dies after its task's work runs it again (core/workers.py)."""
    from ficarchive.feedback.models import SubscriptionEvent
    from ficarchive.feedback.tasks import deliver_subscription_event, send_notification_mail

    subscribe(reader, work=work)
    chapter = new_chapter(work, 2)
    notify_new_chapter(chapter)
    event = SubscriptionEvent.objects.get(kind=SubscriptionEvent.CHAPTER, object_id=chapter.pk)
    deliver_subscription_event.call(event.pk)  # the run again of the task
    item = Notification.objects.get(user=reader, kind="chapter")
    send_notification_mail.call(item.pk)
    assert Notification.objects.filter(user=reader, kind="chapter").count() == 1
    assert len(mail.outbox) == 1
