"""Behind the reverse proxies an operator declares (PROXY_COUNT), guests are told apart by their
own address, not the proxy's: one guest's kudos or rate limit is not every guest's. Without a
declared proxy, X-Forwarded-For is nobody's word and is ignored."""

from django.test import Client
from django.urls import reverse

from ficarchive.feedback.models import Kudos

PROXY = "10.0.0.2"


def _guest_kudos(work, forwarded_for: str):
    return Client().post(
        reverse("give_kudos", args=[work.pk]), REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded_for
    )


def test_two_guests_behind_one_proxy_both_leave_kudos(settings, make_work, author):
    settings.PROXY_COUNT = 1
    work = make_work(author)
    _guest_kudos(work, "198.51.100.1")
    _guest_kudos(work, "198.51.100.2")
    assert Kudos.objects.filter(work=work).count() == 2


def test_a_guest_cannot_pose_as_many_by_forging_the_header(settings, make_work, author):
    settings.PROXY_COUNT = 1
    work = make_work(author)
    _guest_kudos(work, "203.0.113.9, 198.51.100.1")
    _guest_kudos(work, "203.0.113.10, 198.51.100.1")  # the proxy appended the same address
    assert Kudos.objects.filter(work=work).count() == 1


def test_without_a_declared_proxy_the_header_is_ignored(settings, make_work, author):
    settings.PROXY_COUNT = 0
    work = make_work(author)
    _guest_kudos(work, "198.51.100.1")
    _guest_kudos(work, "198.51.100.2")
    assert Kudos.objects.filter(work=work).count() == 1
