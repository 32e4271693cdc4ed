"""Changing the e-mail address: a signed link to the new address, good for a day and for one
change; the old address told; bad links refused with a reason and nothing changed."""

import re
import time

import pytest
from django.core import mail, signing

from ficarchive.accounts import email_change
from ficarchive.accounts.models import User
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def ask(client, email, password=PASSWORD):
    return client.post("/account/email", {"email": email, "password": password})


def link_in(message) -> str:
    return re.search(r"http\S+/account/email/confirm/\S+", message.body).group(0)


def test_the_address_changes_only_once_the_mailed_link_is_used(author, client_for):
    client = client_for(author)
    response = ask(client, "new-home@example.org")
    assert "We sent a link to new-home@example.org" in response.content.decode()
    assert User.objects.get(pk=author.pk).email == "author@example.org"
    to_new, to_old = mail.outbox
    assert to_new.to == ["new-home@example.org"] and to_old.to == ["author@example.org"]
    assert "new-home@example.org" in to_old.body

    path = link_in(to_new).split("127.0.0.1:8000", 1)[-1]
    shown = client.get(path)
    assert "Confirm new-home@example.org" in shown.content.decode()
    assert User.objects.get(pk=author.pk).email == "author@example.org"  # GET changes nothing
    done = client.post(path)
    assert done.status_code == 302
    assert User.objects.get(pk=author.pk).email == "new-home@example.org"
    told = mail.outbox[-1]
    assert told.to == ["author@example.org"] and "now uses new-home@example.org" in told.body

    again = client.post(path)
    assert again.status_code == 400 and "used already" in again.content.decode()


def test_an_expired_link_is_refused_and_changes_nothing(author, client, monkeypatch):
    token = email_change.make_token(author, "late@example.org")
    later = time.time() + email_change.LINK_HOURS * 3600 + 60
    monkeypatch.setattr(signing.time, "time", lambda: later)
    for response in (client.get(f"/account/email/confirm/{token}"),
                     client.post(f"/account/email/confirm/{token}")):  # fmt: skip
        assert response.status_code == 400
        assert "This confirmation link has expired" in response.content.decode()
    assert User.objects.get(pk=author.pk).email == "author@example.org"


def test_a_forged_link_is_refused(author, client):
    token = email_change.make_token(author, "mine@example.org")
    forged = token.replace("mine", "evil") + "x"
    response = client.post(f"/account/email/confirm/{forged}")
    assert response.status_code == 400 and "not valid" in response.content.decode()
    assert User.objects.get(pk=author.pk).email == "author@example.org"


def test_an_address_of_another_account_is_refused(author, reader, client_for):
    response = ask(client_for(author), "reader@example.org")
    assert "An account with that e-mail address exists already." in response.content.decode()
    assert mail.outbox == []
    # Taken between the request and the click:
    token = email_change.make_token(author, "contested@example.org")
    User.objects.filter(pk=reader.pk).update(email="contested@example.org")
    response = client_for(author).post(f"/account/email/confirm/{token}")
    assert (
        response.status_code == 400
        and "Another account uses that address" in response.content.decode()
    )
    assert User.objects.get(pk=author.pk).email == "author@example.org"


def test_a_wrong_password_sends_nothing(author, client_for):
    response = ask(client_for(author), "new@example.org", password="nope")
    assert "That is not your current password." in response.content.decode()
    assert mail.outbox == []
