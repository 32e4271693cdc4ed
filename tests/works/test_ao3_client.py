"""A reader's AO3 tool (the ao3-py package), pointed at ficarchive, reads our works."""

from datetime import date

import pytest
from ao3 import AO3Client

from ficarchive.works.chapters import add_chapter
from ficarchive.works.series import place_in_series

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def two_chapter_work(author, coauthor, make_work):
    work = make_work(
        author, "Salt and Starlight", co=coauthor, rating="Mature",
        warnings=["No Archive Warnings Apply"], categories=["F/F"],
        fandoms=["Original Work"], relationships=["Ines/Odile"], characters=["Ines", "Odile"],
        freeforms=["Slow Burn", "Lighthouses"], summary="Two keepers, one lamp.",
        notes="<p>Begun on a ferry.</p>", end_notes="<p>More soon.</p>",
        chapter_title="The Lamp", body="<p>Ines lit the lamp at dusk.</p>",
        chapters_expected=None, published_on=date(2024, 5, 1),
    )  # fmt: skip
    add_chapter(work, title="The Storm", body="<p>Odile watched the <em>storm</em> come.</p>",
                notes="<p>A wet one.</p>")  # fmt: skip
    place_in_series(work, author, new_title="Keepers")
    work.refresh_from_db()
    return work


def test_the_ao3_client_reads_title_creators_tags_and_stats(live_server, two_chapter_work):
    with AO3Client(base_url=live_server.url) as client:
        work = client.work(two_chapter_work.pk)
        assert work.title == "Salt and Starlight"
        assert [(p.name) for p in work.pseuds] == ["author", "coauthor"]
        assert [t.name for t in work.ratings] == ["Mature"]
        assert [t.name for t in work.warnings] == ["No Archive Warnings Apply"]
        assert [t.name for t in work.categories] == ["F/F"]
        assert [t.name for t in work.fandoms] == ["Original Work"]
        assert [t.name for t in work.relationships] == ["Ines/Odile"]
        assert [t.name for t in work.characters] == ["Ines", "Odile"]
        assert [t.name for t in work.additional_tags] == ["Slow Burn", "Lighthouses"]
        assert work.language.short == "en"
        assert work.words == two_chapter_work.word_count > 0
        assert (work.number_of_posted_chapters, work.expected_number_of_chapters) == (2, None)
        assert work.published == date(2024, 5, 1)
        assert work.updated == date.today()
        assert work.kudos_count == work.hits == work.bookmarks_count == 0
        assert work.summary == "Two keepers, one lamp."
        assert work.notes == "Begun on a ferry."
        assert [(s.name if hasattr(s, "name") else s.title) for s in work.series] == ["Keepers"]
        assert not work.complete and not work.restricted


def test_the_ao3_client_reads_every_chapter_with_its_text(live_server, two_chapter_work):
    chapters = list(two_chapter_work.chapters.order_by("position"))
    with AO3Client(base_url=live_server.url) as client:
        read = client.work(two_chapter_work.pk).chapters
        assert [c.id for c in read] == [c.pk for c in chapters]
        assert [c.position for c in read] == [1, 2]
        assert [c.title for c in read] == ["The Lamp", "The Storm"]
        assert read[0].content == "Ines lit the lamp at dusk."
        assert read[1].content_html == "<p>Odile watched the <em>storm</em> come.</p>"
        assert read[1].notes == "A wet one."
        assert read[0].published == date(2024, 5, 1)
        assert client.work(two_chapter_work.pk).endnotes is None  # shown after the last chapter
        whole = client.work(two_chapter_work.pk)
        _ = whole.chapters
        assert whole.endnotes == "More soon."


def test_the_ao3_client_reads_one_chapter_by_its_url(live_server, two_chapter_work):
    second = two_chapter_work.chapters.get(position=2)
    with AO3Client(base_url=live_server.url) as client:
        work = client.work(
            url=f"{live_server.url}/works/{two_chapter_work.pk}/chapters/{second.pk}"
        )
        assert [c.content for c in work.chapters] == ["Odile watched the storm come."]


def test_a_restricted_work_is_closed_to_an_anonymous_client(live_server, author, make_work):
    work = make_work(author, "Members only", restricted=True)
    with AO3Client(base_url=live_server.url) as client:
        with pytest.raises(Exception) as refused:
            _ = client.work(work.pk).title
        assert "403" in str(refused.value)


def test_a_signed_in_client_sees_a_restricted_work_marked_restricted(
    live_server, author, reader, make_work, client_for
):
    work = make_work(author, "Members only", restricted=True)
    session = client_for(reader).cookies["sessionid"].value
    with AO3Client(base_url=live_server.url, cookies={"sessionid": session}) as client:
        read = client.work(work.pk)
        assert read.title == "Members only" and read.restricted


def test_the_ao3_client_reads_a_creators_blurbs_on_the_front_page(live_server, author, make_work):
    make_work(author, "Listed Here", freeforms=["Quiet"], chapters_expected=None)
    from ao3 import Work

    with AO3Client(base_url=live_server.url) as client:
        page = Work.parse_index(client.get("/").content, 1)
        (blurb,) = page.works
        assert blurb.title == "Listed Here" and [p.name for p in blurb.pseuds] == ["author"]
        assert [t.name for t in blurb.ratings] == ["General Audiences"]
        assert [t.name for t in blurb.additional_tags] == ["Quiet"]
        assert not blurb.complete and blurb.number_of_posted_chapters == 1
