"""The archive's pages, and its terms of service: sign-up asks to accept them; when an admin
changes them, every signed-in reader accepts them again on their next visit."""

from __future__ import annotations

import pytest

from ficarchive.accounts.models import User
from ficarchive.site_pages import pages
from ficarchive.site_pages.models import Page, TermsAcceptance

NEW_ACCOUNT = {
    "username": "newcomer",
    "email": "newcomer@example.org",
    "password1": "a long and unusual passphrase",
    "password2": "a long and unusual passphrase",
}


@pytest.fixture
def terms(db):
    return pages.save_page(
        Page(kind=Page.TERMS, slug="tos", title="Terms of Service",
             body="<p>Be kind.</p><script>x()</script>")
    )  # fmt: skip


def change(page, body, ask_again=True):
    page.body = body
    return pages.save_page(page, ask_again=ask_again)


def test_the_pages_show_what_admins_wrote_sanitized(guest, terms):
    pages.save_page(
        Page(kind=Page.FAQ, slug="kudos", title="What are kudos?", body="<p>Hearts.</p>")
    )
    assert "Be kind." in guest.get("/terms").content.decode()
    assert "x()" not in guest.get("/terms").content.decode()
    assert "What are kudos?" in guest.get("/faq").content.decode()
    assert "Hearts." in guest.get("/faq/kudos").content.decode()
    assert guest.get("/content-policy").status_code == 404


def test_sign_up_needs_the_terms_accepted_and_records_the_revision(guest, terms):
    refused = guest.post("/signup", NEW_ACCOUNT)
    assert "Please accept the Terms of Service" in refused.content.decode()
    assert not User.objects.filter(username="newcomer").exists()
    guest.post("/signup", {**NEW_ACCOUNT, "accept_terms": "on"})
    user = User.objects.get(username="newcomer")
    assert TermsAcceptance.objects.get(user=user).revision == terms.revision
    assert guest.get("/works").status_code == 200  # not asked again


def test_without_terms_sign_up_asks_nothing_more(guest):
    assert "accept_terms" not in guest.get("/signup").content.decode()
    guest.post("/signup", NEW_ACCOUNT)
    assert User.objects.filter(username="newcomer").exists()


def test_changed_terms_lead_a_reader_to_accept_them_then_back(client_for, reader, terms):
    pages.accept_terms(reader, terms.revision)
    client = client_for(reader)
    assert client.get("/works").status_code == 200
    change(terms, "<p>Be kind, and tag your works.</p>")
    response = client.get("/works?page=2")
    assert response.status_code == 302
    assert response["Location"] == "/terms/accept?next=%2Fworks%3Fpage%3D2"
    accept = client.get(response["Location"]).content.decode()
    assert "tag your works" in accept
    done = client.post("/terms/accept?next=/works", {"accept": "on", "revision": "2"})
    assert done["Location"] == "/works"
    assert client.get("/works").status_code == 200


def test_the_accept_page_without_the_box_ticked_says_so_and_records_nothing(
    client_for, reader, terms
):
    client = client_for(reader)
    response = client.post("/terms/accept", {"revision": str(terms.revision)})
    assert response.status_code == 400
    assert "Please tick the box" in response.content.decode()
    assert not TermsAcceptance.objects.filter(user=reader).exists()


def test_accepting_a_revision_that_changed_meanwhile_asks_again(client_for, reader, terms):
    client = client_for(reader)
    change(terms, "<p>Second.</p>")
    response = client.post("/terms/accept", {"accept": "on", "revision": "1"})
    assert response.status_code == 400
    assert "changed again meanwhile" in response.content.decode()
    assert not TermsAcceptance.objects.filter(user=reader).exists()


def test_a_typo_fixed_without_asking_again_stops_no_one(client_for, reader, terms):
    pages.accept_terms(reader, terms.revision)
    change(terms, "<p>Be kind!</p>", ask_again=False)
    assert client_for(reader).get("/works").status_code == 200


def test_the_terms_and_signing_out_stay_open_to_a_reader_who_has_not_accepted(
    client_for, reader, terms
):
    client = client_for(reader)
    assert client.get("/terms").status_code == 200
    assert client.get("/works").status_code == 302
    assert client.post("/logout").status_code == 302
    assert client.get("/works").status_code == 200  # a guest now


def test_only_one_terms_page_may_exist(terms):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        Page.objects.create(kind=Page.TERMS, slug="tos2", title="Other", body="")
