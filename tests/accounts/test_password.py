import re

import pytest
from django.core import mail

pytestmark = pytest.mark.django_db


def test_password_reset_mails_a_link_that_sets_a_new_password_once(client, author):
    client.post("/password/reset", {"email": "author@example.org"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/password/reset/\S+)", mail.outbox[0].body).group(1)

    form_page = client.get(link, follow=True)
    set_url = form_page.redirect_chain[-1][0]
    new = "another long passphrase here"
    response = client.post(set_url, {"new_password1": new, "new_password2": new})
    assert response.status_code == 302
    author.refresh_from_db()
    assert author.check_password(new)

    again = client.get(link, follow=True)
    assert "This link no longer works" in again.content.decode()


def test_reset_for_an_unknown_address_says_the_same_and_sends_nothing(client, author):
    response = client.post("/password/reset", {"email": "nobody@example.org"}, follow=True)
    assert "If an account uses that address" in response.content.decode()
    assert mail.outbox == []


def test_changing_the_password_needs_the_old_one(author, client_for):
    client = client_for(author)
    response = client.post(
        "/password/change",
        {
            "old_password": "wrong",
            "new_password1": "fresh passphrase one",
            "new_password2": "fresh passphrase one",
        },
    )
    assert "incorrectly" in response.content.decode()
    author.refresh_from_db()
    assert author.check_password("correct horse battery staple")
