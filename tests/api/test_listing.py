"""GET /api/v1/works and /api/v1/search answer what the /works/ listing shows for the same
query string: the same filters, sorts, notes and blocklist (discovery's apply_filters)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ficarchive.discovery.services import mute_tag
from ficarchive.tags.models import Tag
from ficarchive.works.models import Work

pytestmark = pytest.mark.django_db


@pytest.fixture
def shelf(author, coauthor, make_work):
    make_work(author, "Harbour Lights", freeforms=["Rain"], body="<p>" + "wave " * 50 + "</p>")
    make_work(author, "Autumn Road", rating="Explicit", chapters_expected=3)
    make_work(coauthor, "Le Phare", language="fr", freeforms=["Rain", "Fluff"])
    make_work(coauthor, "Zebra Crossing", body="<p>" + "stripe " * 300 + "</p>")
    make_work(author, "Quiet Harbour", summary="A harbour at dawn.", freeforms=["Fluff"])
    Work.objects.filter(title="Le Phare").update(kudos_count=9)


def html_titles(client, query: str) -> tuple[list[str], list[str]]:
    response = client.get(f"/works?{query}")
    assert response.status_code == 200
    return [w.title for w in response.context["page"].works], list(response.context["notes"])


def api_titles(client, query: str, path: str = "/api/v1/works") -> tuple[list[str], list[str]]:
    response = client.get(f"{path}?{query}")
    assert response.status_code == 200, response.content
    body = response.json()
    return [w["title"] for w in body["results"]], body["notes"]


QUERIES = [
    "", "sort=title", "sort=words", "sort=kudos", "complete=yes", "complete=no",
    "include=Rain", "exclude=Rain", "include=Rain,Fluff", "words_from=40&words_to=100",
    "q=harbour", "q=harbour -dawn", "language=fr", "words_from=many", "include=No Such Tag",
    "sort=sideways", "page=7",
]  # fmt: skip


@pytest.mark.parametrize("query", QUERIES)
def test_the_api_lists_what_the_works_page_lists_for_the_same_query(shelf, client, query):
    assert api_titles(client, query) == html_titles(client, query)


def test_search_is_the_listing_with_its_text_query(shelf, client):
    titles, _ = api_titles(client, "q=harbour&sort=title", "/api/v1/search")
    assert titles == ["Harbour Lights", "Quiet Harbour"]


def test_a_rating_filter_by_id_matches_the_page(shelf, client):
    explicit = Tag.objects.get(type="rating", name="Explicit").pk
    assert api_titles(client, f"rating={explicit}") == html_titles(client, f"rating={explicit}")
    assert api_titles(client, f"rating={explicit}")[0] == ["Autumn Road"]


def test_bad_values_are_left_out_with_a_note_not_an_error(shelf, client):
    titles, notes = api_titles(client, "words_from=many&page_size=lots")
    assert len(titles) == 5
    assert any("Words from" in n for n in notes)
    assert any("page_size" in n for n in notes)


def test_pages_are_at_most_a_hundred_works_and_count_the_rest(shelf, client):
    body = client.get("/api/v1/works?page_size=2&sort=title&page=2").json()
    assert [w["title"] for w in body["results"]] == ["Le Phare", "Quiet Harbour"]
    assert (body["page"], body["pages"], body["total"], body["more"]) == (2, 3, 5, False)
    assert client.get("/api/v1/works?page_size=500").json()["page_size"] == 100


def test_a_readers_muted_tag_hides_works_from_their_token_until_they_ask(
    shelf, reader, token_client
):
    mute_tag(reader, Tag.objects.get(name="Rain"))
    api = token_client(reader)
    titles = [w["title"] for w in api.get("/api/v1/works").json()["results"]]
    assert "Harbour Lights" not in titles and "Le Phare" not in titles
    assert len(titles) == 3
    shown = api.get("/api/v1/works?show_muted=1").json()["results"]
    assert len(shown) == 5


def test_each_work_carries_its_metadata_and_stats(author, coauthor, client, make_work):
    make_work(
        author, "Full Blurb", co=coauthor, rating="Teen And Up Audiences",
        warnings=["No Archive Warnings Apply"], categories=["Gen"], fandoms=["Original Work"],
        relationships=["Mara & Tom"], characters=["Mara", "Tom"], freeforms=["Rain"],
        summary="<p>Two <em>friends</em>.</p><script>alert(1)</script>", chapters_expected=None,
    )  # fmt: skip
    work = client.get("/api/v1/works").json()["results"][0]
    assert work["creators"] == [
        {"pseud": "author", "user": "author"}, {"pseud": "coauthor", "user": "coauthor"}
    ]  # fmt: skip
    assert work["rating"] == "Teen And Up Audiences"
    assert work["warnings"] == ["No Archive Warnings Apply"]
    assert work["categories"] == ["Gen"]
    assert work["relationships"] == ["Mara & Tom"]
    assert work["characters"] == ["Mara", "Tom"]
    assert work["freeforms"] == ["Rain"]
    assert (work["chapters_posted"], work["chapters_expected"], work["complete"]) == (
        1,
        None,
        False,
    )
    assert "<em>friends</em>" in work["summary"] and "<script" not in work["summary"]
    assert work["url"] == f"http://testserver/works/{work['id']}"
    assert {"kudos", "comments", "bookmarks", "hits", "words", "published", "updated"} <= set(work)


def test_a_page_of_works_takes_as_many_queries_for_forty_works_as_for_two(
    author, coauthor, make_work, client
):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/api/v1/works?page_size=100").status_code == 200
        return len(captured.captured_queries)

    for n in range(2):
        make_work(author, f"Early {n}", co=coauthor, freeforms=["Rain", f"Tag {n}"])
    few = queries()
    for n in range(38):
        make_work(author, f"Later {n}", co=coauthor, freeforms=["Rain", f"Tag {n}"])
    assert queries() == few
