"""A suspended account has no public pages: its profile and its pseuds' pages are 404."""

import pytest
from django.urls import reverse

from ficarchive.accounts.models import Pseud


def test_a_suspended_accounts_pseud_page_is_not_found(author, client):
    pseud = Pseud.objects.create(user=author, name="Night Ferry", description="Spam links here")
    assert client.get(reverse("pseud", args=[author.username, pseud.name])).status_code == 200
    author.is_active = False
    author.save(update_fields=["is_active"])
    for url in (
        reverse("profile", args=[author.username]),
        reverse("pseud", args=[author.username, pseud.name]),
        reverse("pseud", args=[author.username, author.username]),
    ):
        response = client.get(url)
        assert response.status_code == 404
        assert "Spam links here" not in response.content.decode()


@pytest.mark.django_db
def test_a_suspended_accounts_works_listings_answer_not_found(author, client, make_work):
    make_work(author, "Left behind")
    author.is_active = False
    author.save(update_fields=["is_active"])
    assert client.get("/users/author/works").status_code == 404
    assert client.get("/users/author/pseuds/author/works").status_code == 404
