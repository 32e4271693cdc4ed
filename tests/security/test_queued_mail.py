"""Mail queued before a work was hidden is not sent after; subjects are plain text."""

import pytest
from django.core import mail

from ficarchive.feedback.models import Notification
from ficarchive.feedback.tasks import send_notification_mail
from ficarchive.works.services import set_hidden_by_admin

pytestmark = pytest.mark.django_db


def test_news_of_a_work_hidden_before_the_mail_went_out_is_not_sent(author, reader, make_work):
    work = make_work(author, "Tea & Sympathy")
    item = Notification.objects.create(user=reader, kind=Notification.WORK, work=work)
    set_hidden_by_admin(work, True)
    assert send_notification_mail.call(item.pk) is False
    assert mail.outbox == []


def test_a_title_with_an_ampersand_reads_plainly_in_the_subject(author, reader, make_work):
    work = make_work(author, "Tea & Sympathy")
    item = Notification.objects.create(user=reader, kind=Notification.WORK, work=work)
    assert send_notification_mail.call(item.pk) is True
    assert mail.outbox[0].subject.endswith("New work: Tea & Sympathy")
