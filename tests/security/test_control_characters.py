"""One control character in a title once took a tag's Atom feed and the work's EPUB down for
every reader (issue 12, finding 1). Text is cleaned on its way in, and every serializer cleans
what is already stored on its way out."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.test import Client
from django.urls import reverse
from lxml import etree

from ficarchive.api.services import create_token
from ficarchive.feedback.models import Bookmark
from ficarchive.text.characters import clean_text
from ficarchive.works.models import Work
from tests.works.conftest import work_form

pytestmark = pytest.mark.django_db


def feed_of(client, tag: str) -> etree._Element:
    response = client.get(reverse("tag_feed", kwargs={"name": tag}))
    assert response.status_code == 200
    return etree.fromstring(response.content)


def epub_pages(client, work) -> dict[str, etree._Element]:
    url = reverse("download", kwargs={"work_id": work.pk, "filename": "x", "ext": "epub"})
    response = client.get(url)
    assert response.status_code == 200
    data = b"".join(response.streaming_content) if response.streaming else response.content
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        return {
            name: etree.fromstring(book.read(name))
            for name in book.namelist()
            if name.endswith((".xhtml", ".opf", ".ncx"))
        }


@pytest.mark.parametrize("control", ["\x01", "\x0c"])
def test_a_title_typed_with_a_control_character_is_stored_without_it(
    author, client_for, client, control
):
    form = work_form(pseuds=[author.default_pseud.pk], title=f"Moon{control}rise",
                     fandoms="Original Work")  # fmt: skip
    assert client_for(author).post(reverse("new_work"), form).status_code == 302
    work = Work.objects.get()
    assert work.title.replace(" ", "") == "Moonrise"  # the character is gone, the words stay
    titles = feed_of(client, "Original Work").findall(".//{http://www.w3.org/2005/Atom}title")
    assert work.title in [t.text for t in titles]
    epub_pages(client, work)


@pytest.mark.parametrize("control", ["\x01", "\x0c"])
def test_a_control_character_already_stored_leaves_the_feed_and_the_epub_working(
    author, make_work, client, control
):
    work = make_work(author, f"Moon{control}rise", fandoms=["Original Work"])
    Work.objects.filter(pk=work.pk).update(title=f"Moon{control}rise")
    titles = feed_of(client, "Original Work").findall(".//{http://www.w3.org/2005/Atom}title")
    assert "Moonrise" in [t.text for t in titles]
    pages = epub_pages(client, work)
    assert any("Moonrise" in etree.tostring(page, encoding=str) for page in pages.values())


def test_the_rule_drops_what_xml_forbids_and_normalises_the_rest():
    assert clean_text("a\x00b\x01c\x1fd\x7fe\x9ff\ufffeg\uffffh\ud800i") == "abcdefghi"
    assert clean_text("one\r\ntwo\rthree\u2028four\x0cfive") == "one\ntwo\nthree\nfour\nfive"
    assert clean_text("tab\tstays") == "tab\tstays"
    assert clean_text("Cafe\u0301") == "Caf\u00e9"  # NFC
    assert clean_text("\U0001f319 moon") == "\U0001f319 moon"


def test_the_api_stores_bookmark_notes_without_control_characters(author, make_work, reader):
    _, token = create_token(reader, "probe")
    work = make_work(author)
    response = Client(headers={"Authorization": f"Bearer {token}"}).post(
        "/api/v1/bookmarks",
        data=json.dumps({"work_id": work.pk, "notes": "bad\u0001\ud800 note", "tags": []}),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert Bookmark.objects.get().notes == "<p>bad note</p>"
