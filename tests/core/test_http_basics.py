"""What HTTP clients rely on, site-wide: a Host the site does not serve is a plain 400, crawlers
find robots.txt, and answers without an ETag of their own get one, so that a feed reader or an
e-reader app that asks again gets 304 when nothing changed."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_host_the_site_does_not_serve_gets_a_400_page_not_a_crash():
    client = Client(raise_request_exception=False)
    for url in ["/", "/works", "/api/v1/works", "/opds"]:
        answer = client.get(url, HTTP_HOST="not-this-site.example")
        assert answer.status_code == 400, url
        assert b"Bad request" in answer.content


def test_robots_txt_keeps_crawlers_off_files_and_api_and_names_the_sitemap(client):
    answer = client.get("/robots.txt")
    assert answer.status_code == 200
    assert answer["Content-Type"] == "text/plain; charset=utf-8"
    lines = answer.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert {"Disallow: /downloads/", "Disallow: /api/", "Disallow: /opds"} <= set(lines)
    assert "Sitemap: http://testserver/sitemap.xml" in lines


@pytest.mark.parametrize("url", ["/opds", "/opds/recent", "/api/v1/works", "/api/schema"])
def test_an_unchanged_answer_is_304_to_a_client_that_has_it(client, url):
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""


def test_head_answers_the_headers_of_get_without_a_body(client):
    get, head = client.get("/opds/recent"), client.head("/opds/recent")
    assert head.status_code == 200 and head.content == b""
    assert head["Content-Type"] == get["Content-Type"]
