"""A two-chapter work with everything a download shows: tags of every type, summary, notes,
chapter notes, end notes, italics, an em dash and a paragraph of Chinese."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ficarchive.works import chapters as works_chapters
from ficarchive.works.services import post_work

CJK = "月亮升起来了，她还在等他回来。"
CYRILLIC = "Ночь была тихой."


@pytest.fixture(autouse=True)
def _downloads_in_tmp(settings, tmp_path):
    settings.DATA_DIR = tmp_path


def _make_work(author, **overrides):
    fields = {
        "pseuds": [author.default_pseud],
        "title": "Moonrise — Über Alles",
        "rating": "Teen And Up Audiences",
        "fandoms": ["Naruto"],
        "warnings": ["No Archive Warnings Apply"],
        "categories": ["M/M"],
        "relationships": ["Uchiha Sasuke/Uzumaki Naruto"],
        "characters": ["Uzumaki Naruto", "Uchiha Sasuke"],
        "freeforms": ["Slow Burn", "Hurt/Comfort"],
        "summary": "<p>Two boys and a <em>very</em> long night.</p>",
        "notes": "<p>Written for a friend.</p>",
        "end_notes": "<p>Thanks for reading!</p>",
        "chapter_title": "Dusk",
        "chapters_expected": 2,
        "body": (
            "<p>The sky went dark — and then <em>darker</em>.</p>"
            f"<p>{CJK}</p><p>{CYRILLIC}</p><p>Café au lait, <strong>please</strong>.</p>"
        ),
    }
    fields.update(overrides)
    return post_work(**fields)


@pytest.fixture
def make_work():
    """make_work(author, **post_work overrides): the one-chapter start of the test work."""
    return _make_work


@pytest.fixture
def add_chapter():
    """The works app's service: add_chapter(work, body=..., title=..., notes=..., draft=...)."""
    return works_chapters.add_chapter


@pytest.fixture
def work(author):
    work = _make_work(author)
    works_chapters.add_chapter(
        work, body="<p>Morning came at last.</p><p>Line one<br>line two</p>",
        title="Dawn", notes="<p>The last part.</p>",
    )  # fmt: skip
    return work


def download_url(work, ext: str, filename: str = "x") -> str:
    return reverse("download", kwargs={"work_id": work.pk, "filename": filename, "ext": ext})


@pytest.fixture
def fetch():
    """fetch(client, work, ext) -> (response, the file's bytes or the page's)."""

    def get(client, work, ext: str):
        response = client.get(download_url(work, ext))
        if response.streaming:
            return response, b"".join(response.streaming_content)
        return response, response.content

    return get
