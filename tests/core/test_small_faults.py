"""Small things a reader notices: the favicon, the download menu without JavaScript, the API
documentation's code spans."""

from __future__ import annotations

from django.test import Client


def test_favicon_ico_leads_to_the_sites_icon(db):
    response = Client().get("/favicon.ico", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain and response.redirect_chain[0][1] == 301


def test_the_download_menu_has_no_link_to_the_top_of_the_page(client, author, make_work):
    work = make_work(author)
    html = client.get(work.get_absolute_url()).content.decode()
    assert 'href="#"' not in html
    assert html.count(f"/downloads/{work.pk}/") == 4


def test_the_api_documentation_shows_code_not_backticks(client, db):
    html = client.get("/api/docs").content.decode()
    assert "`" not in html
    assert "<code>total</code>" in html
