"""The site banner shows on every page until the reader dismisses it with a plain form (no
JavaScript): the cookie names the version dismissed, so a new banner shows again. Guests' kept
pages follow the cookie."""

from __future__ import annotations

from ficarchive.core.site_settings import BANNER_COOKIE

WORDS = "Fest sign-ups close on Friday."


def test_the_banner_shows_until_dismissed_and_comes_back_when_it_changes(guest, configure):
    configure(banner_text=WORDS)
    assert WORDS in guest.get("/works").content.decode()
    response = guest.post("/banner/dismiss", {"version": "1", "next": "/works"})
    assert response.status_code == 302 and response["Location"] == "/works"
    assert guest.cookies[BANNER_COOKIE].value == "1"
    assert WORDS not in guest.get("/works").content.decode()
    assert WORDS not in guest.get("/").content.decode()
    configure(banner_text="The archive is back from maintenance.")
    assert "The archive is back from maintenance." in guest.get("/").content.decode()


def test_saving_other_settings_keeps_the_banner_dismissed(guest, configure):
    configure(banner_text=WORDS)
    guest.post("/banner/dismiss", {"version": "1", "next": "/"})
    configure(site_name="Lantern Library")
    assert WORDS not in guest.get("/").content.decode()


def test_a_guest_who_dismissed_never_gets_a_kept_page_with_the_banner(guest, configure):
    from django.test import Client

    configure(banner_text=WORDS)
    other = Client()
    assert WORDS in other.get("/").content.decode()  # kept for guests with no cookie
    guest.post("/banner/dismiss", {"version": "1", "next": "/"})
    assert WORDS not in guest.get("/").content.decode()
    assert WORDS in other.get("/").content.decode()


def test_a_dismissal_never_leads_off_the_site_nor_keeps_a_strange_value(guest, configure):
    configure(banner_text=WORDS)
    response = guest.post(
        "/banner/dismiss", {"version": "<script>", "next": "https://evil.example"}
    )
    assert response["Location"] == "/"
    assert BANNER_COOKIE not in response.cookies
    assert guest.get("/banner/dismiss").status_code == 405


def test_a_signed_in_reader_dismisses_it_too(client_for, reader, configure):
    configure(banner_text=WORDS)
    client = client_for(reader)
    assert WORDS in client.get("/").content.decode()
    client.post("/banner/dismiss", {"version": "1", "next": "/"})
    assert WORDS not in client.get("/").content.decode()
