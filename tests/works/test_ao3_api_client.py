"""A second AO3 tool from PyPI, ao3-api (`import AO3`), reads our works: its requests are sent
to the running archive instead of archiveofourown.org by a transport adapter on its session,
so it parses our pages exactly as it parses AO3's."""

from __future__ import annotations

from datetime import date

import AO3
import pytest
import requests
from requests.adapters import HTTPAdapter

from ficarchive.works.chapters import add_chapter

pytestmark = pytest.mark.django_db(transaction=True)

AO3_ROOT = "https://archiveofourown.org"


class ToLiveServer(HTTPAdapter):
    """Sends a request for AO3 to the test server instead."""

    def __init__(self, base_url: str):
        super().__init__()
        self.base_url = base_url

    def send(self, request, **kwargs):
        request.url = self.base_url + request.url[len(AO3_ROOT) :]
        return super().send(request, **kwargs)


def session_for(live_server) -> AO3.GuestSession:
    guest = AO3.GuestSession()
    guest.session = requests.Session()
    guest.session.mount(AO3_ROOT, ToLiveServer(live_server.url))
    return guest


@pytest.fixture
def two_chapter_work(author, coauthor, make_work):
    work = make_work(
        author, "Salt and Starlight", co=coauthor, rating="Mature",
        warnings=["No Archive Warnings Apply"], categories=["F/F"],
        fandoms=["Original Work"], relationships=["Ines/Odile"], characters=["Ines", "Odile"],
        freeforms=["Slow Burn", "Lighthouses"], summary="<p>Two keepers, one lamp.</p>",
        chapter_title="The Lamp", body="<p>Ines lit the lamp at dusk.</p>",
        chapters_expected=None, published_on=date(2024, 5, 1),
    )  # fmt: skip
    add_chapter(work, title="The Storm", body="<p>Odile watched the <em>storm</em> come.</p>")
    work.refresh_from_db()
    return work


def test_ao3_api_reads_a_works_metadata(live_server, two_chapter_work):
    work = AO3.Work(two_chapter_work.pk, session=session_for(live_server))
    assert work.title == "Salt and Starlight"
    assert [a.username for a in work.authors] == ["author", "coauthor"]
    assert work.rating == "Mature"
    assert work.warnings == ["No Archive Warnings Apply"]
    assert work.categories == ["F/F"]
    assert work.fandoms == ["Original Work"]
    assert work.relationships == ["Ines/Odile"]
    assert work.characters == ["Ines", "Odile"]
    assert work.tags == ["Slow Burn", "Lighthouses"]
    assert work.language == "English"
    assert work.words == two_chapter_work.word_count
    assert (work.nchapters, work.expected_chapters) == (2, None)
    assert not work.complete and not work.restricted
    assert work.date_published.date() == date(2024, 5, 1)
    assert work.summary.strip() == "Two keepers, one lamp."
    assert (work.kudos, work.hits, work.bookmarks, work.comments) == (0, 0, 0, 0)


def test_ao3_api_reads_every_chapter_with_its_text(live_server, two_chapter_work):
    work = AO3.Work(two_chapter_work.pk, session=session_for(live_server))
    chapters = list(two_chapter_work.chapters.order_by("position"))
    assert [c.id for c in work.chapters] == [c.pk for c in chapters]
    assert [c.title for c in work.chapters] == ["The Lamp", "The Storm"]
    assert [c.number for c in work.chapters] == [1, 2]
    assert "Ines lit the lamp at dusk." in work.chapters[0].text
    assert "Odile watched the storm come." in work.chapters[1].text


def test_ao3_api_downloads_the_work_in_each_format(live_server, two_chapter_work):
    work = AO3.Work(two_chapter_work.pk, session=session_for(live_server))
    assert work.download("EPUB")[:2] == b"PK"
    assert work.download("PDF")[:4] == b"%PDF"
    assert b"Odile watched the" in work.download("HTML")
