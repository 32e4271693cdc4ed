"""Full-text search: words, phrases, exclusions; the same answers on SQLite and PostgreSQL.
The whole module runs on both databases (`make test`), against one fixed corpus and one table
of queries and expected works, so both engines must give identical results."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ficarchive.discovery import postings, textsearch
from ficarchive.discovery.textsearch import normalise, parse_query
from ficarchive.works.models import Work
from ficarchive.works.services import set_hidden_by_admin

from .helpers import make_canonical, make_synonym, post, titles

CORPUS = [
    ("The Long Winter", "A story of snow and silence.", ["Angst"]),
    ("Summer Lights", "Fireflies, a lake, and a long summer night.", ["Fluff"]),
    ("Winter Lights", "Snow falls on the lake; the lights stay on.", ["Fluff", "Angst"]),
    ("Pokémon Journey", "Ash and Pikachu walk the long road.", ["Adventure"]),
    ("Café Société", "Coffee, croissants & mutual pining.", ["Slow Burn"]),
]
QUERIES = [
    ("winter", ["The Long Winter", "Winter Lights"]),
    ("lights snow", ["Winter Lights"]),
    ('"long summer"', ["Summer Lights"]),
    ('"summer long"', []),
    ("long -winter", ["Pokémon Journey", "Summer Lights"]),
    ('lake -"stay on"', ["Summer Lights"]),
    ("pokemon", ["Pokémon Journey"]),
    ("CAFE societe", ["Café Société"]),
    ("fluff", ["Summer Lights", "Winter Lights"]),
    ("slowburn", []),
    ('"slow burn" coffee', ["Café Société"]),
    ("-angst", ["Café Société", "Pokémon Journey", "Summer Lights"]),
    (
        "author",
        ["Café Société", "Pokémon Journey", "Summer Lights", "The Long Winter", "Winter Lights"],
    ),
    ("mutual-pining", ["Café Société"]),
    ('"', ["Café Société", "Pokémon Journey", "Summer Lights", "The Long Winter", "Winter Lights"]),
]


@pytest.fixture
def corpus(author):
    for title, summary, freeforms in CORPUS:
        post(author, title, summary=summary, freeforms=freeforms)


@pytest.fixture(params=["no statistics", "statistics", "one word far rarer"])
def word_statistics(request, monkeypatch):
    """The statistics of the words choose how a search runs: on PostgreSQL which word's
    postings lead and whether one word is tested as a hashed set (the tests' database has
    none), and whether the other words are merged with its postings or probed for each of
    them ("one word far rarer"); on SQLite whether the sort index is walked (every word of a
    small corpus is common). Run the queries without and with made-up ones that reverse those
    choices: the works found must not change."""
    if request.param == "one word far rarer":
        counts = lambda words: {w: 10 if n == 0 else 90_000 for n, w in enumerate(words)}  # noqa: E731
        monkeypatch.setattr(postings, "term_counts", counts)
    if request.param == "statistics":
        counts = lambda words: {w: 50_000 - 10 * n for n, w in enumerate(words)}  # noqa: E731
        monkeypatch.setattr(postings, "term_counts", counts)
        # On SQLite, words in most works walk the sort index; here none is common enough.
        monkeypatch.setattr(textsearch, "WALK_SHARE", 2.0)
    return request.param


@pytest.mark.parametrize(("query", "expected"), QUERIES)
def test_search_finds_exactly_the_expected_works(client, corpus, word_statistics, query, expected):
    response = client.get("/search", {"q": query})
    assert response.status_code == 200
    assert sorted(titles(response)) == expected


@pytest.mark.parametrize("sort", ["updated", "title"])
def test_search_shows_guests_public_works_and_readers_restricted_ones_too(
    client, client_for, author, reader, word_statistics, sort
):
    post(author, "Snow in public", summary="snow and ice")
    post(author, "Snow for members", summary="snow and ice", restricted=True)
    post(author, "Snow in a draft", summary="snow and ice", draft=True)
    set_hidden_by_admin(post(author, "Snow hidden", summary="snow and ice"), True)
    for query in ["snow", "ice snow", "snow -fire"]:
        params = {"q": query, "sort": sort}
        assert titles(client.get("/search", params)) == ["Snow in public"]
        assert sorted(titles(client_for(reader).get("/search", params))) == [
            "Snow for members",
            "Snow in public",
        ]


def test_search_results_come_newest_first_and_follow_updates(client, author, word_statistics):
    works = [post(author, f"Tale {n}", summary="lantern harbour") for n in range(3)]
    for days, work in enumerate(works):
        Work.objects.filter(pk=work.pk).update(updated_at=timezone.now() - timedelta(days=days))
    assert titles(client.get("/search", {"q": "lantern harbour"})) == [
        "Tale 0",
        "Tale 1",
        "Tale 2",
    ]
    Work.objects.filter(pk=works[2].pk).update(updated_at=timezone.now() + timedelta(hours=1))
    assert titles(client.get("/search", {"q": "harbour"})) == ["Tale 2", "Tale 0", "Tale 1"]
    assert titles(client.get("/search", {"q": "harbour -lantern"})) == []


def test_search_finds_works_by_the_canonical_name_of_a_synonym_tag(client, author):
    post(author, "Tagged", relationships=["SasuNaru"])
    post(author, "Canonical", relationships=["Sasuke/Naruto"])
    make_canonical("Sasuke/Naruto")
    make_synonym("SasuNaru", of="Sasuke/Naruto")
    assert sorted(titles(client.get("/search", {"q": '"sasuke naruto"'}))) == [
        "Canonical",
        "Tagged",
    ]


def test_search_combines_with_filters(client, author):
    post(author, "Snow angst", summary="snow", rating="Explicit")
    post(author, "Snow general", summary="snow", rating="General Audiences")
    from .helpers import tag

    response = client.get("/works", {"q": "snow", "rating": tag("Explicit").pk})
    assert titles(response) == ["Snow angst"]


def test_words_are_normalised_without_accents_case_or_punctuation():
    assert normalise("Café—Société, L'ÉTÉ!") == "cafe societe l ete"


def test_queries_split_into_required_and_excluded_words_and_phrases():
    query = parse_query('snow "long night" -angst -"slow burn"')
    assert query.required == [("snow",), ("long", "night")]
    assert query.excluded == [("angst",), ("slow", "burn")]


def test_a_search_of_only_punctuation_matches_nothing_special(client, author):
    post(author, "Anything")
    assert titles(client.get("/search", {"q": "!!! ??? ---"})) == ["Anything"]


def test_words_with_digits_are_found_as_typed(client, author):
    post(author, "Letters of 1869", summary="<p>K2SO keeps the log.</p>")
    post(author, "Other letters")
    assert titles(client.get("/search", {"q": "1869"})) == ["Letters of 1869"]
    assert titles(client.get("/search", {"q": "k2so letters"})) == ["Letters of 1869"]
