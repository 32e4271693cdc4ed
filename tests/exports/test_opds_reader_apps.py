"""The OPDS catalog as a reading app sees it, read by feedparser (the parser Calibre's and many
apps' Python code uses) rather than by XPath: no parse error, the titles, authors and summaries
an app lists, the acquisition links it offers, the next page it follows, the search template it
fills in, and, signed in with Basic and an API token, the files those links download."""

from __future__ import annotations

import base64
import io

import feedparser
import pytest
from django.test import Client
from django.urls import reverse
from ebooklib import epub
from lxml import etree
from pypdf import PdfReader

from ficarchive.api.services import create_token

ACQUIRE = "http://opds-spec.org/acquisition"
ACQUISITION = "application/atom+xml;profile=opds-catalog;kind=acquisition"


def parsed(client, url: str, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, response.content[:300]
    feed = feedparser.parse(
        response.content, response_headers={"content-type": response["Content-Type"]}
    )
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def links(item, rel: str) -> list:
    return [x for x in item.links if x.rel == rel]


def fetch(client, href: str, **extra) -> bytes:
    response = client.get(href, **extra)
    assert response.status_code == 200, (href, response.status_code)
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def basic(user, secret: str) -> dict:
    pair = base64.b64encode(f"{user.username}:{secret}".encode()).decode()
    return {"HTTP_AUTHORIZATION": f"Basic {pair}", "wsgi.url_scheme": "https"}


def test_an_app_lists_each_work_with_title_authors_and_summary(client, author, coauthor,
                                                               make_work):  # fmt: skip
    make_work(author, title="Лунный свет · 月光", pseuds=[author.default_pseud, coauthor.default_pseud],
              summary="<p>Two <em>friends</em> &amp; a boat.</p>")  # fmt: skip
    feed = parsed(client, reverse("opds_recent"))
    assert feed.version == "atom10"
    assert feed.feed.title == "Recently updated"
    (entry,) = feed.entries
    assert entry.title == "Лунный свет · 月光"
    assert [a.name for a in entry.authors] == ["author", "coauthor"]
    assert entry.summary == "Two friends & a boat."
    assert entry.id.startswith("http://testserver/works/")
    assert entry.updated_parsed and entry.published_parsed
    assert "Fandom: Naruto" in [t.label for t in entry.tags]


def test_each_entry_offers_epub_pdf_and_html_by_their_types(client, work):
    (entry,) = parsed(client, reverse("opds_recent")).entries
    offered = {x.type: x.href for x in links(entry, ACQUIRE)}
    assert set(offered) == {"application/epub+zip", "application/pdf", "text/html"}
    assert ".epub?" in offered["application/epub+zip"]
    assert links(entry, "alternate")[0].type == "text/html"


def test_the_app_follows_next_until_the_last_page(client, author, make_work, settings):
    settings.WORKS_PER_PAGE = 2
    for n in range(5):
        make_work(author, title=f"Work {n}")
    seen, url = [], reverse("opds_recent")
    while url:
        feed = parsed(client, url)
        seen += [e.title for e in feed.entries]
        assert links(feed.feed, "first")
        nexts = links(feed.feed, "next")
        url = nexts[0].href if nexts else None
    assert seen == [f"Work {n}" for n in range(4, -1, -1)]
    assert feed.feed.opensearch_totalresults == "5"


def test_the_search_template_is_filled_in_as_apps_do(client, author, make_work):
    make_work(author, title="Lighthouse keeper", summary="<p>A lamp on the rocks at night.</p>")
    make_work(author, title="Desert road")
    root = parsed(client, reverse("opds_root"))
    template = next(x.href for x in links(root.feed, "search") if x.type == ACQUISITION)
    found = parsed(client, template.replace("{searchTerms}", "lamp%20rocks"))
    assert [e.title for e in found.entries] == ["Lighthouse keeper"]
    description = etree.fromstring(client.get(reverse("opds_search_description")).content)
    url = description.find("{http://a9.com/-/spec/opensearch/1.1/}Url")
    assert url.get("template") == template


def test_navigation_entries_lead_to_feeds_an_app_can_open(client, work):
    root = parsed(client, reverse("opds_root"))
    for entry in root.entries:
        if entry.title == "Sign in":
            continue
        (target,) = entry.links
        assert target.type.startswith("application/atom+xml;profile=opds-catalog")
        parsed(client, target.href)


@pytest.fixture
def restricted_work(author, make_work, add_chapter):
    work = make_work(author, title="Für Mitglieder: 夜", restricted=True)
    add_chapter(work, body="<p>第二章。The second part.</p>", title="Two")
    return work


def test_signed_in_with_a_token_the_app_downloads_restricted_files_that_open(
    reader, restricted_work, tmp_path
):
    _, secret = create_token(reader, "KOReader")
    app = Client()
    assert parsed(app, reverse("opds_recent")).entries == []
    feed = parsed(app, reverse("opds_recent"), **basic(reader, secret))
    (entry,) = feed.entries
    assert entry.title == "Für Mitglieder: 夜"
    offered = {x.type: x.href for x in links(entry, ACQUIRE)}
    assert all("/opds/downloads/" in href for href in offered.values())
    assert app.get(offered["application/epub+zip"]).status_code == 404

    book = fetch(app, offered["application/epub+zip"], **basic(reader, secret))
    path = tmp_path / "book.epub"
    path.write_bytes(book)
    read_back = epub.read_epub(str(path))
    assert read_back.get_metadata("DC", "title")[0][0] == "Für Mitglieder: 夜"
    chapters = [read_back.get_item_with_id(i).get_content().decode() for i, _ in read_back.spine]
    assert any("第二章" in text for text in chapters)

    pdf = PdfReader(io.BytesIO(fetch(app, offered["application/pdf"], **basic(reader, secret))))
    assert "第二章" in "".join(page.extract_text() for page in pdf.pages)

    html = fetch(app, offered["text/html"], **basic(reader, secret)).decode()
    assert html.lower().startswith("<!doctype html>") and "第二章" in html


def test_a_wrong_token_is_asked_again_not_shown_as_a_guest(reader, restricted_work):
    response = Client().get(reverse("opds_recent"), **basic(reader, "not-a-token"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic ")
