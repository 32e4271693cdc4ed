"""The support form: guests and readers write to the staff (rate-limited); the request waits in
the moderation queue beside reports; the staff's answer goes out by mail."""

from __future__ import annotations

from django.core import mail

from ficarchive.site_pages.models import SupportRequest

REQUEST = {
    "name": "Wren",
    "email": "wren@example.org",
    "subject": "I can't find my bookmarks",
    "message": "They were there yesterday.",
}


def test_a_guest_sends_a_request_and_it_waits_in_the_moderation_queue(
    guest, client_for, admin_user
):
    response = guest.post("/support", REQUEST)
    assert response["Location"] == "/support/thanks"
    assert "answer will come by e-mail" in guest.get("/support/thanks").content.decode()
    queue = client_for(admin_user).get("/moderation").content.decode()
    assert "I can&#x27;t find my bookmarks" in queue


def test_a_request_without_an_address_or_message_is_refused_and_nothing_saved(guest):
    response = guest.post("/support", {**REQUEST, "email": "not an address", "message": "  "})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Enter a valid email address." in page
    assert "This field is required." in page or "Please write" in page
    assert not SupportRequest.objects.exists()


def test_a_signed_in_reader_finds_their_address_filled_in_and_the_request_names_them(
    client_for, reader
):
    client = client_for(reader)
    assert 'value="reader@example.org"' in client.get("/support").content.decode()
    client.post("/support", {**REQUEST, "email": "reader@example.org"})
    assert SupportRequest.objects.get().user == reader


def test_too_many_requests_from_one_address_are_refused(guest):
    for _ in range(5):
        guest.post("/support", REQUEST)
    response = guest.post("/support", REQUEST)
    assert response.status_code == 429
    assert "try again in an hour" in response.content.decode()
    assert SupportRequest.objects.count() == 5


def test_the_staff_answer_goes_out_by_mail_and_closes_the_request(
    guest, client_for, admin_user, django_capture_on_commit_callbacks
):
    guest.post("/support", REQUEST)
    found = SupportRequest.objects.get()
    staff = client_for(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            f"/moderation/support/{found.pk}", {"answer": "They are under Bookmarks now."}
        )
    assert response["Location"] == "/moderation"
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["wren@example.org"]
    assert "re: I can't find my bookmarks" in sent.subject
    assert "They are under Bookmarks now." in sent.body
    assert "They were there yesterday." in sent.body
    assert "I can&#x27;t find" not in staff.get("/moderation").content.decode()
    again = staff.post(f"/moderation/support/{found.pk}", {"answer": "Twice."})
    assert again.status_code == 400 and len(mail.outbox) == 1
    assert "Someone answered this request already." in again.content.decode()


def test_an_empty_answer_is_refused_and_nothing_is_sent(guest, client_for, admin_user):
    guest.post("/support", REQUEST)
    found = SupportRequest.objects.get()
    response = client_for(admin_user).post(f"/moderation/support/{found.pk}", {"answer": " "})
    assert response.status_code == 400
    found.refresh_from_db()
    assert found.answered_at is None and not mail.outbox


def test_readers_never_see_nor_answer_support_requests(guest, client_for, reader):
    guest.post("/support", REQUEST)
    found = SupportRequest.objects.get()
    client = client_for(reader)
    assert client.get(f"/moderation/support/{found.pk}").status_code == 403
    assert client.post(f"/moderation/support/{found.pk}", {"answer": "x"}).status_code == 403
    assert guest.get(f"/moderation/support/{found.pk}").status_code == 302
