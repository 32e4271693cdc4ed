"""AO3's address shapes: no trailing slash, and the slashed forms redirect for good, so that
tools written for AO3 (which take the last piece of a link as a name) read ours."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="(/[^"#?]*)')


def test_a_slashed_page_address_redirects_permanently_to_the_bare_one(client, author):
    for slashed, bare in [
        ("/works/", "/works"),
        ("/users/author/", "/users/author"),
        ("/users/author/pseuds/author/", "/users/author/pseuds/author"),
        ("/users/author/works/", "/users/author/works"),
        ("/tags/", "/tags"),
    ]:
        answer = client.get(slashed)
        assert answer.status_code == 301, slashed
        assert answer["Location"] == bare


def test_the_redirect_keeps_the_query(client):
    answer = client.get("/works/?sort=kudos&page=2")
    assert answer.status_code == 301
    assert answer["Location"] == "/works?sort=kudos&page=2"


def test_a_form_posted_to_a_slashed_address_is_sent_on_with_its_body(
    client_for, reader, author, make_work
):
    work = make_work(author)
    answer = client_for(reader).post(f"/works/{work.pk}/kudos/")
    assert answer.status_code == 308
    assert answer["Location"] == f"/works/{work.pk}/kudos"


def test_unknown_slashed_addresses_are_not_found_and_the_admin_keeps_its_slashes(client):
    assert client.get("/no-such-page/").status_code == 404
    assert client.get("/api/v1/no-such-thing/").status_code == 404
    assert client.get("/admin/").status_code == 302  # to the admin's own sign-in


def test_links_on_reader_pages_have_no_trailing_slash(client, author, make_work):
    work = make_work(author, fandoms=["Original Work"], relationships=["A/B"])
    pages = ["/", "/works", f"/works/{work.pk}", "/users/author", "/tags"]
    for page in pages:
        html = client.get(page).content.decode()
        slashed = [h for h in HREF.findall(html) if len(h) > 1 and h.endswith("/")]
        assert slashed == [], (page, slashed)


def test_the_byline_names_the_pseud_as_the_last_piece_of_its_link(client, author, make_work):
    work = make_work(author)
    html = client.get(f"/works/{work.pk}").content.decode()
    assert 'href="/users/author/pseuds/author"' in html
