"""The invitation queue: off by default; when on, sign-up needs an invitation; visitors join the
queue and see their place; the periodic job invites the next batch by mail; admins give users
invitations to pass on."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from ficarchive.accounts.models import User
from ficarchive.site_pages import invitations
from ficarchive.site_pages.models import Invitation, QueueEntry
from ficarchive.site_pages.tasks import invite_from_queue

ACCOUNT = {
    "username": "newcomer",
    "email": "newcomer@example.org",
    "password1": "a long and unusual passphrase",
    "password2": "a long and unusual passphrase",
}


@pytest.fixture
def queue_on(configure):
    return configure(invitation_queue=True, invitation_batch_size=2)


def test_the_queue_is_off_by_default_and_sign_up_needs_no_invitation(guest):
    assert "invitation" not in guest.get("/signup").content.decode().lower()
    guest.post("/signup", ACCOUNT)
    assert User.objects.filter(username="newcomer").exists()
    assert "no invitation is needed" in guest.get("/invitations/queue").content.decode()


def test_with_the_queue_on_sign_up_without_a_code_is_refused(guest, queue_on):
    page = guest.get("/signup").content.decode()
    assert "Join the queue" in page
    response = guest.post("/signup", ACCOUNT)
    assert "Please give the code of your invitation." in response.content.decode()
    bad = guest.post("/signup", {**ACCOUNT, "invitation": "made-up"})
    assert "not valid, or it has been used" in bad.content.decode()
    assert not User.objects.filter(username="newcomer").exists()


def test_visitors_join_the_queue_and_see_their_place(guest, queue_on):
    for n in range(3):
        response = guest.post("/invitations/queue", {"email": f"fan{n}@example.org"})
    third = QueueEntry.objects.get(email="fan2@example.org")
    assert response["Location"] == third.get_absolute_url()
    assert "number <strong>3</strong>" in guest.get(third.get_absolute_url()).content.decode()
    again = guest.post("/invitations/queue", {"email": "FAN0@example.org"}, follow=True)
    assert "in the queue already" in again.content.decode()
    assert QueueEntry.objects.count() == 3


def test_a_bad_address_joins_nothing(guest, queue_on):
    response = guest.post("/invitations/queue", {"email": "nobody"})
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()
    assert not QueueEntry.objects.exists()


def test_the_job_invites_the_oldest_batch_by_mail_and_the_others_move_up(
    guest, queue_on, django_capture_on_commit_callbacks
):
    for n in range(3):
        invitations.join_queue(f"fan{n}@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        assert invite_from_queue() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["fan0@example.org", "fan1@example.org"]
    last = QueueEntry.objects.get(email="fan2@example.org")
    assert invitations.position(last) == 1
    first = QueueEntry.objects.get(email="fan0@example.org")
    assert "on its way" in guest.get(first.get_absolute_url()).content.decode()


def test_the_job_invites_no_one_while_the_queue_is_off(configure):
    invitations.join_queue("fan@example.org")
    assert invite_from_queue() == 0
    assert not Invitation.objects.exists()


def test_the_mailed_link_signs_up_once_and_the_code_is_spent(
    guest, queue_on, django_capture_on_commit_callbacks
):
    invitations.join_queue("fan@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        invite_from_queue()
    link = re.search(r"/signup\?invitation=(\S+)", mail.outbox[0].body)
    code = link.group(1)
    assert f'value="{code}"' in guest.get(link.group(0)).content.decode()
    guest.post("/signup", {**ACCOUNT, "invitation": code})
    newcomer = User.objects.get(username="newcomer")
    assert Invitation.objects.get(code=code).used_by == newcomer
    other = type(guest)()
    again = other.post("/signup", {**ACCOUNT, "username": "second", "email": "second@example.org",
                                   "invitation": code})  # fmt: skip
    assert "not valid, or it has been used" in again.content.decode()
    assert not User.objects.filter(username="second").exists()


def test_a_user_given_invitations_passes_one_on_by_mail(
    client_for, reader, queue_on, django_capture_on_commit_callbacks
):
    invitations.grant(reader, 2)
    client = client_for(reader)
    page = client.get("/invitations").content.decode()
    assert page.count("Not sent yet") == 2
    first = Invitation.objects.filter(owner=reader).first()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/invitations/{first.pk}/send", {"email": "friend@example.org"})
    assert mail.outbox[0].to == ["friend@example.org"]
    assert "reader invites you" in mail.outbox[0].body
    assert first.code in mail.outbox[0].body
    twice = client.post(
        f"/invitations/{first.pk}/send", {"email": "other@example.org"}, follow=True
    )
    assert "sent or used already" in twice.content.decode()
    assert len(mail.outbox) == 1


def test_no_one_sends_another_users_invitation(client_for, reader, author):
    invitations.grant(author, 1)
    mine = Invitation.objects.get()
    response = client_for(reader).post(f"/invitations/{mine.pk}/send", {"email": "x@example.org"})
    assert response.status_code == 404
    mine.refresh_from_db()
    assert mine.sent_at is None


def test_an_admin_grants_invitations_in_the_admin(client_for, admin_user, reader):
    response = client_for(admin_user).post(
        "/admin/site_pages/invitation/add/", {"owner": str(reader.pk), "count": "3"}
    )
    assert response.status_code == 302
    assert Invitation.objects.filter(owner=reader).count() == 3


def test_the_periodic_scheduler_runs_the_batch_job(queue_on, django_capture_on_commit_callbacks):
    from django.conf import settings

    from ficarchive.core.periodic import enqueue

    job = "ficarchive.site_pages.tasks.invite_from_queue_task"
    assert job in dict(settings.PERIODIC_TASKS)
    for n in range(3):
        invitations.join_queue(f"fan{n}@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        enqueue(job)  # as the scheduler does when the job's turn comes
    assert QueueEntry.objects.filter(invitation=None).count() == 1
    assert len(mail.outbox) == 2
