"""The OPDS catalog as an e-reader app reads it: Atom feeds with OPDS links, works that the
reader may see (and not the ones they muted), escaped text, pages, and EPUB downloads."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.urls import reverse
from lxml import etree

from ficarchive.discovery.services import mute_tag
from ficarchive.feedback.services.kudos import leave_kudos
from ficarchive.tags.models import Tag, TagType
from ficarchive.tags.wrangling import make_canonical

NS = {
    "a": "http://www.w3.org/2005/Atom",
    "dc": "http://purl.org/dc/terms/",
    "os": "http://a9.com/-/spec/opensearch/1.1/",
}
NAVIGATION = "application/atom+xml;profile=opds-catalog;kind=navigation"
ACQUISITION = "application/atom+xml;profile=opds-catalog;kind=acquisition"
ACQUIRE = "http://opds-spec.org/acquisition"


def read_feed(client, url: str, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, response.content[:300]
    return response, etree.fromstring(response.content)


def titles(feed) -> list[str]:
    return feed.xpath("a:entry/a:title/text()", namespaces=NS)


def link(element, rel: str):
    found = element.xpath("a:link[@rel=$rel]", namespaces=NS, rel=rel)
    return found[0] if found else None


def test_the_root_is_a_navigation_feed_leading_to_the_acquisition_feeds(client, db):
    response, feed = read_feed(client, "/opds")
    assert response["Content-Type"] == NAVIGATION
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert feed.findtext("a:id", namespaces=NS) and feed.findtext("a:updated", namespaces=NS)
    assert link(feed, "start").get("type") == NAVIGATION
    searches = {
        x.get("type"): x.get("href") for x in feed.xpath("a:link[@rel='search']", namespaces=NS)
    }
    assert searches["application/opensearchdescription+xml"].endswith("/opds/search.xml")
    assert searches[ACQUISITION].endswith("/opds/search?q={searchTerms}")
    kinds = {
        title: entry_link.get("type")
        for title, entry_link in zip(
            titles(feed), feed.xpath("a:entry/a:link", namespaces=NS), strict=True
        )
    }
    assert kinds["Recently updated"] == ACQUISITION
    assert kinds["Most kudos"] == ACQUISITION
    assert kinds["By fandom"] == NAVIGATION
    assert "Sign in" in kinds


def test_a_work_entry_carries_its_metadata_and_download_links(client, work):
    _, feed = read_feed(client, reverse("opds_recent"))
    (entry,) = feed.findall("a:entry", NS)
    assert entry.findtext("a:title", namespaces=NS) == "Moonrise — Über Alles"
    assert entry.findtext("a:id", namespaces=NS).endswith(f"/works/{work.pk}")
    assert entry.findtext("a:author/a:name", namespaces=NS) == "author"
    assert "/users/author" in entry.findtext("a:author/a:uri", namespaces=NS)
    assert entry.findtext("dc:language", namespaces=NS) == "en"
    assert entry.findtext("a:published", namespaces=NS)
    assert "very long night" in entry.findtext("a:summary", namespaces=NS)
    assert "<em>very</em>" in entry.findtext("a:content[@type='html']", namespaces=NS)
    labels = {c.get("term"): c.get("label") for c in entry.findall("a:category", NS)}
    assert labels["Teen And Up Audiences"] == "Rating: Teen And Up Audiences"
    assert labels["Naruto"] == "Fandom: Naruto"
    assert labels["Uchiha Sasuke/Uzumaki Naruto"].startswith("Relationship")
    assert labels["Slow Burn"] == "Additional Tags: Slow Burn"
    assert all(c.get("scheme") for c in entry.findall("a:category", NS))
    types = [x.get("type") for x in entry.xpath("a:link[@rel=$r]", namespaces=NS, r=ACQUIRE)]
    assert types == ["application/epub+zip", "application/pdf", "text/html"]


def test_the_epub_acquisition_link_downloads_a_real_epub(client, work):
    _, feed = read_feed(client, reverse("opds_recent"))
    href = feed.xpath("//a:link[@type='application/epub+zip']/@href", namespaces=NS)[0]
    assert "/downloads" in href
    response = client.get(href)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/epub+zip"
    book = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert book.read("mimetype") == b"application/epub+zip"
    assert any("chapter" in name for name in book.namelist())


def test_a_guest_never_sees_a_draft_or_a_restricted_work(client, author, make_work):
    make_work(author, title="Open to all")
    make_work(author, title="A secret draft", draft=True)
    make_work(author, title="For members", restricted=True)
    for url in [reverse("opds_recent"), reverse("opds_kudos"), reverse("opds_search")]:
        _, feed = read_feed(client, url)
        assert titles(feed) == ["Open to all"]


def test_a_reader_signed_in_on_the_site_sees_restricted_works_but_not_drafts(
    client_for, author, reader, make_work
):
    make_work(author, title="A secret draft", draft=True)
    make_work(author, title="For members", restricted=True)
    _, feed = read_feed(client_for(reader), reverse("opds_recent"))
    assert titles(feed) == ["For members"]


def test_most_kudos_lists_the_most_liked_work_first(client, author, reader, make_work):
    make_work(author, title="Quiet")
    loved = make_work(author, title="Loved")
    leave_kudos(loved, user=reader)
    _, feed = read_feed(client, reverse("opds_kudos"))
    assert titles(feed) == ["Loved", "Quiet"]


def test_fandoms_are_listed_with_counts_and_lead_to_their_works(client, author, make_work):
    make_work(author, title="Ninja story", fandoms=["Naruto"])
    make_work(author, title="Wizard story", fandoms=["Harry Potter"])
    for name in ["Naruto", "Harry Potter"]:
        tag = Tag.objects.get(type=TagType.FANDOM, name=name)
        if not tag.canonical:
            make_canonical(tag)
    _, feed = read_feed(client, reverse("opds_fandoms"))
    assert set(titles(feed)) == {"Naruto", "Harry Potter"}
    naruto = feed.xpath("a:entry[a:title='Naruto']", namespaces=NS)[0]
    assert naruto.findtext("a:content", namespaces=NS) == "1 work"
    entry_link = naruto.find("a:link", NS)
    assert entry_link.get("type") == ACQUISITION
    _, works = read_feed(client, entry_link.get("href"))
    assert titles(works) == ["Ninja story"]


def test_search_finds_works_by_their_words_and_describes_itself(client, author, make_work):
    make_work(author, title="Moon over the river", summary="<p>Lanterns.</p>")
    make_work(author, title="Sun on the hill", summary="<p>Harvest.</p>")
    _, feed = read_feed(client, reverse("opds_search") + "?q=lanterns")
    assert titles(feed) == ["Moon over the river"]
    response, description = read_feed(client, reverse("opds_search_description"))
    assert response["Content-Type"] == "application/opensearchdescription+xml"
    url = description.find("os:Url", NS)
    assert url.get("type") == ACQUISITION
    assert url.get("template").endswith("/opds/search?q={searchTerms}")


def test_muted_tags_are_left_out_of_every_feed(client_for, author, reader, make_work):
    make_work(author, title="Gentle", freeforms=["Fluff"])
    make_work(author, title="Grim", freeforms=["Major Character Death Here"])
    mute_tag(reader, Tag.objects.get(name="Major Character Death Here"))
    client = client_for(reader)
    for url in [reverse("opds_recent"), reverse("opds_kudos"), reverse("opds_search")]:
        _, feed = read_feed(client, url)
        assert titles(feed) == ["Gentle"]
    _, feed = read_feed(client, reverse("opds_recent") + "?show_muted=1")
    assert set(titles(feed)) == {"Gentle", "Grim"}


def test_a_muted_creator_is_left_out_of_the_catalog(
    client_for, author, coauthor, reader, make_work
):
    from ficarchive.discovery.services import mute_creator

    make_work(author, title="By author")
    make_work(coauthor, title="By coauthor")
    mute_creator(reader, coauthor)
    _, feed = read_feed(client_for(reader), reverse("opds_recent"))
    assert titles(feed) == ["By author"]


HOSTILE = "<script>alert(1)</script> & ]]> \"quoted\" 'single' <![CDATA[x]]>"


def test_hostile_titles_and_summaries_are_escaped_and_the_xml_stays_well_formed(
    client, author, make_work
):
    make_work(
        author, title=HOSTILE, summary=f"<p>{HOSTILE}</p><script>steal()</script>",
        freeforms=["Tom & Jerry <b>"],
    )  # fmt: skip
    response = client.get(reverse("opds_recent"))
    feed = etree.fromstring(response.content)  # raises if the XML were broken
    assert b"<script>" not in response.content
    (entry,) = feed.findall("a:entry", NS)
    assert entry.findtext("a:title", namespaces=NS) == HOSTILE
    assert "steal()" not in entry.findtext("a:content", namespaces=NS)
    assert "<script" not in entry.findtext("a:content", namespaces=NS)
    terms = [c.get("term") for c in entry.findall("a:category", NS)]
    assert any(t.startswith("Tom & Jerry") for t in terms)


def test_control_characters_in_a_title_do_not_break_the_feed(client, author, make_work):
    work = make_work(author, title="Plain")
    type(work).objects.filter(pk=work.pk).update(title="Bell\x07 and \x0bnull")
    _, feed = read_feed(client, reverse("opds_recent"))
    assert titles(feed) == ["Bell and null"]


@pytest.fixture
def many_works(author, make_work, settings):
    settings.WORKS_PER_PAGE = 2
    return [make_work(author, title=f"Work {n}") for n in range(5)]


def test_pages_link_to_the_first_previous_next_and_last(client, many_works):
    _, first = read_feed(client, reverse("opds_recent"))
    assert titles(first) == ["Work 4", "Work 3"]
    assert link(first, "previous") is None
    assert first.findtext("os:totalResults", namespaces=NS) == "5"
    _, second = read_feed(client, link(first, "next").get("href"))
    assert titles(second) == ["Work 2", "Work 1"]
    assert link(second, "previous").get("type") == ACQUISITION
    _, last = read_feed(client, link(second, "last").get("href"))
    assert titles(last) == ["Work 0"]
    assert link(last, "next") is None
    _, back = read_feed(client, link(last, "first").get("href"))
    assert titles(back) == ["Work 4", "Work 3"]


def test_page_links_keep_the_search_words(client, author, make_work, settings):
    settings.WORKS_PER_PAGE = 1
    make_work(author, title="River one")
    make_work(author, title="River two")
    make_work(author, title="Mountain")
    _, feed = read_feed(client, reverse("opds_search") + "?q=river")
    _, second = read_feed(client, link(feed, "next").get("href"))
    assert titles(feed) + titles(second) == ["River two", "River one"]


def test_a_bad_page_number_gives_the_first_page_not_an_error(client, many_works):
    _, feed = read_feed(client, reverse("opds_recent") + "?page=lots")
    assert titles(feed) == ["Work 4", "Work 3"]


def test_a_muted_fandom_is_not_offered_and_an_unknown_fandom_is_not_found(
    client_for, author, reader, make_work
):
    make_work(author, title="Ninja story", fandoms=["Naruto"])
    make_work(author, title="Wizard story", fandoms=["Harry Potter"])
    for tag in Tag.objects.filter(type=TagType.FANDOM, canonical=False):
        make_canonical(tag)
    mute_tag(reader, Tag.objects.get(type=TagType.FANDOM, name="Naruto"))
    client = client_for(reader)
    _, feed = read_feed(client, reverse("opds_fandoms"))
    assert titles(feed) == ["Harry Potter"]
    rating = Tag.objects.filter(type=TagType.RATING).first()
    assert client.get(reverse("opds_fandom", args=[rating.pk])).status_code == 404
