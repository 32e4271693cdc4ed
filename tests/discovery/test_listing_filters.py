"""Filters on the works listing: tags through synonyms and children, and the other fields."""

from datetime import timedelta

import pytest
from django.utils import timezone

from ficarchive.core.signals import announce_work_changed
from ficarchive.discovery import postings, tagsets
from ficarchive.works.models import Work
from ficarchive.works.services import set_hidden_by_admin

from .helpers import make_canonical, make_parent, make_synonym, post, tag, titles


def test_the_works_listing_shows_posted_works_and_not_drafts(client, author):
    post(author, "Posted")
    post(author, "Draft", draft=True)
    response = client.get("/works")
    assert response.status_code == 200
    assert titles(response) == ["Posted"]


def test_including_a_canonical_tag_finds_works_tagged_with_its_synonyms(client, author):
    post(author, "Typed canonical", relationships=["Sasuke/Naruto"])
    post(author, "Typed synonym", relationships=["SasuNaru"])
    post(author, "Other", relationships=["Sakura/Ino"])
    make_canonical("Sasuke/Naruto", "Sakura/Ino")
    make_synonym("SasuNaru", of="Sasuke/Naruto")
    response = client.get("/works", {"include_ids": tag("Sasuke/Naruto").pk})
    assert sorted(titles(response)) == ["Typed canonical", "Typed synonym"]


def test_a_synonym_typed_in_the_filter_resolves_to_its_canonical_tag(client, author):
    post(author, "Typed canonical", relationships=["Sasuke/Naruto"])
    post(author, "Other", relationships=["Sakura/Ino"])
    make_canonical("Sasuke/Naruto", "Sakura/Ino")
    post(author, "Typed synonym", relationships=["SasuNaru"])
    make_synonym("SasuNaru", of="Sasuke/Naruto")
    response = client.get("/works", {"include": "sasunaru"})
    assert sorted(titles(response)) == ["Typed canonical", "Typed synonym"]


def test_including_a_parent_fandom_finds_works_of_its_child_fandoms(client, author):
    post(author, "Film", fandoms=["Star Wars: The Force Awakens"])
    post(author, "Books", fandoms=["Star Wars Legends"])
    post(author, "Elsewhere", fandoms=["Naruto"])
    make_canonical("Star Wars: The Force Awakens", "Star Wars Legends", "Naruto")
    post(author, "Meta", fandoms=["Star Wars - All Media Types"])
    make_canonical("Star Wars - All Media Types")
    make_parent("Star Wars - All Media Types", "Star Wars: The Force Awakens")
    make_parent("Star Wars - All Media Types", "Star Wars Legends")
    response = client.get("/works", {"include": "Star Wars - All Media Types"})
    assert sorted(titles(response)) == ["Books", "Film", "Meta"]


def test_excluding_a_parent_removes_works_of_its_children_and_their_synonyms(client, author):
    post(author, "Child", freeforms=["Angst"])
    post(author, "Child synonym", freeforms=["angsty"])
    post(author, "Fluff", freeforms=["Fluff"])
    post(author, "Parent", freeforms=["Hurt/Comfort"])
    make_canonical("Angst", "Fluff", "Hurt/Comfort")
    make_synonym("angsty", of="Angst")
    make_parent("Hurt/Comfort", "Angst")
    response = client.get("/works", {"exclude": "Hurt/Comfort"})
    assert titles(response) == ["Fluff"]


def test_an_unwrangled_tag_can_still_be_included_by_its_exact_name(client, author):
    post(author, "Odd", freeforms=["a very specific trope"])
    post(author, "Plain")
    response = client.get("/works", {"include": "A Very Specific Trope"})
    assert titles(response) == ["Odd"]


def test_two_included_tags_must_both_be_on_a_work(client, author):
    post(author, "Both", freeforms=["Angst", "Fluff"])
    post(author, "Only angst", freeforms=["Angst"])
    make_canonical("Angst", "Fluff")
    response = client.get("/works", {"include_ids": [tag("Angst").pk, tag("Fluff").pk]})
    assert titles(response) == ["Both"]


def test_rating_filter_keeps_only_the_chosen_ratings(client, author):
    post(author, "General", rating="General Audiences")
    post(author, "Explicit", rating="Explicit")
    response = client.get("/works", {"rating": tag("Explicit").pk})
    assert titles(response) == ["Explicit"]


def test_warnings_and_categories_filter_like_other_tags(client, author):
    post(author, "Death", warnings=["Major Character Death"], categories=["Gen"])
    post(author, "Calm", warnings=["No Archive Warnings Apply"], categories=["F/F"])
    response = client.get("/works", {"exclude_ids": tag("Major Character Death").pk})
    assert titles(response) == ["Calm"]
    response = client.get("/works", {"include_ids": tag("Gen").pk})
    assert titles(response) == ["Death"]


def test_complete_and_in_progress_filters(client, author):
    post(author, "Oneshot")
    post(author, "Ongoing", chapters_expected=None)
    assert titles(client.get("/works", {"complete": "yes"})) == ["Oneshot"]
    assert titles(client.get("/works", {"complete": "no"})) == ["Ongoing"]


def test_crossover_filters_count_distinct_fandoms(client, author):
    post(author, "Single", fandoms=["Naruto"])
    post(author, "Crossover", fandoms=["Naruto", "Bleach"])
    post(author, "Same fandom twice", fandoms=["Naruto", "NARUTO (Anime)"])
    make_canonical("Naruto", "Bleach")
    make_synonym("NARUTO (Anime)", of="Naruto")
    assert titles(client.get("/works", {"crossover": "yes"})) == ["Crossover"]
    assert sorted(titles(client.get("/works", {"crossover": "no"}))) == [
        "Same fandom twice",
        "Single",
    ]


def test_word_range_language_and_updated_dates(client, author):
    short = post(author, "Short", body="<p>one two three</p>")
    post(author, "Long", body="<p>" + "word " * 500 + "</p>", language="fr")
    old = timezone.now() - timedelta(days=400)
    Work.objects.filter(pk=short.pk).update(updated_at=old)
    assert titles(client.get("/works", {"words_from": 100})) == ["Long"]
    assert titles(client.get("/works", {"words_to": 100})) == ["Short"]
    assert titles(client.get("/works", {"language": "fr"})) == ["Long"]
    cutoff = (timezone.now() - timedelta(days=30)).date().isoformat()
    assert titles(client.get("/works", {"updated_from": cutoff})) == ["Long"]
    assert titles(client.get("/works", {"updated_to": cutoff})) == ["Short"]


def test_sorts_by_kudos_title_and_words(client, author):
    a = post(author, "Banana", body="<p>a b c d e</p>")
    b = post(author, "apple", body="<p>a</p>")
    Work.objects.filter(pk=a.pk).update(kudos_count=5)
    Work.objects.filter(pk=b.pk).update(kudos_count=9)
    assert titles(client.get("/works", {"sort": "kudos"})) == ["apple", "Banana"]
    assert titles(client.get("/works", {"sort": "words"})) == ["Banana", "apple"]
    assert titles(client.get("/works", {"sort": "title"}))[0] in {"apple", "Banana"}


def test_pages_of_twenty_with_links_that_keep_the_filters(client, author):
    for n in range(25):
        post(author, f"Work {n:02}", freeforms=["Fluff"])
    response = client.get("/works", {"include": "Fluff", "page": 2})
    assert len(titles(response)) == 5
    assert response.context["page"].total == 25
    assert "include=Fluff&amp;page=1" in response.content.decode()


def test_bad_filter_values_are_left_out_with_a_message(client, author):
    post(author, "Still here")
    response = client.get(
        "/works",
        {"words_from": "lots", "updated_from": "yesterday-ish", "sort": "chaos",
         "rating": "x", "include_ids": ["abc", "99999999"], "page": "two"},
    )  # fmt: skip
    assert response.status_code == 200
    assert titles(response) == ["Still here"]
    body = response.content.decode()
    assert "Words from: Enter a whole number. This filter was left out." in body
    assert "That page number isn’t a number" in body


def test_an_unknown_tag_name_is_reported_and_ignored(client, author):
    post(author, "Still here")
    response = client.get("/works", {"include": "No Such Tag", "exclude": "Nor This"})
    assert titles(response) == ["Still here"]
    assert "There is no tag named “No Such Tag”" in response.content.decode()


def test_a_huge_page_number_shows_the_last_page_with_a_message(client, author):
    post(author, "Only")
    response = client.get("/works", {"page": "999999999999999999999"})
    assert response.status_code == 200
    assert titles(response) == ["Only"]
    assert "There are only 1 pages" in response.content.decode()


def test_pages_follow_the_sort_in_order_from_one_page_to_the_next(client, author):
    for n in range(25):
        work = post(author, f"Work {n:02}", freeforms=["Fluff"])
        Work.objects.filter(pk=work.pk).update(kudos_count=(n * 7) % 25)
    by_kudos = [f"Work {n:02}" for n in sorted(range(25), key=lambda n: -((n * 7) % 25))]
    pages = [client.get("/works", {"sort": "kudos", "page": p}) for p in (1, 2)]
    assert titles(pages[0]) + titles(pages[1]) == by_kudos


def test_a_tag_page_narrowed_by_the_sidebar_keeps_only_works_passing_every_filter(client, author):
    post(author, "Fits", fandoms=["Naruto"], rating="Explicit", freeforms=["Fluff"])
    post(author, "Wrong rating", fandoms=["Naruto"], rating="General Audiences")
    post(author, "Excluded", fandoms=["Naruto"], rating="Explicit", freeforms=["Angst"])
    post(author, "Other fandom", fandoms=["Bleach"], rating="Explicit")
    make_canonical("Naruto", "Bleach", "Angst", "Fluff")
    assert sorted(titles(client.get("/tags/Naruto/works"))) == [
        "Excluded", "Fits", "Wrong rating",
    ]  # fmt: skip
    params = {"rating": tag("Explicit").pk, "exclude_ids": tag("Angst").pk}
    response = client.get("/tags/Naruto/works", params)
    assert titles(response) == ["Fits"]
    assert response.context["page"].total == 1


@pytest.mark.parametrize("hashed_min", [0, 10**9])
def test_a_lone_tag_filter_finds_the_same_works_however_it_is_planned(
    client, author, monkeypatch, hashed_min
):
    # PostgreSQL tests a mid-sized tag as a hashed set (tagsets.as_hashed_set); both shapes
    # must give the same works in the same order.
    monkeypatch.setattr(tagsets, "HASHED_MIN", hashed_min)
    for n in range(3):
        post(author, f"Fluffy {n}", freeforms=["Fluff"])
    post(author, "Angsty", freeforms=["Angst"])
    make_canonical("Fluff", "Angst")
    response = client.get("/works", {"include_ids": tag("Fluff").pk})
    assert titles(response) == ["Fluffy 2", "Fluffy 1", "Fluffy 0"]
    assert titles(client.get("/tags/Fluff/works")) == ["Fluffy 2", "Fluffy 1", "Fluffy 0"]


@pytest.fixture(params=["no statistics", "statistics"])
def term_statistics(request, monkeypatch):
    """On PostgreSQL a tag's page (newest first) is read from the postings, and statistics
    choose which tag or word leads; the tests' database has none. Run without and with made-up
    ones that reverse the choice: the works shown must not change."""
    if request.param == "statistics":
        counts = lambda terms: {t: 50_000 - 10 * n for n, t in enumerate(terms)}  # noqa: E731
        monkeypatch.setattr(postings, "term_counts", counts)
    return request.param


def test_a_tag_page_shows_newest_first_what_each_reader_may_see(
    client, client_for, author, reader, term_statistics
):
    made = {}
    for n, (title, extra) in enumerate([
        ("Newest", {}), ("Members only", {"restricted": True}), ("Child fandom", {}),
        ("Hidden", {}), ("Draft", {"draft": True}), ("Oldest", {}),
    ]):  # fmt: skip
        fandom = "Naruto (Anime)" if title == "Child fandom" else "Naruto"
        made[title] = post(author, title, fandoms=[fandom], summary="ramen shop", **extra)
        when = timezone.now() - timedelta(days=n)
        Work.objects.filter(pk=made[title].pk).update(updated_at=when)
    post(author, "Elsewhere", fandoms=["Bleach"], summary="ramen shop")
    set_hidden_by_admin(made["Hidden"], True)
    make_canonical("Naruto", "Naruto (Anime)", "Bleach")
    make_parent("Naruto", "Naruto (Anime)")
    everyone = ["Newest", "Child fandom", "Oldest"]
    members = ["Newest", "Members only", "Child fandom", "Oldest"]
    assert titles(client.get("/tags/Naruto/works")) == everyone
    assert titles(client_for(reader).get("/tags/Naruto/works")) == members
    assert titles(client.get("/tags/Naruto/works", {"q": "ramen"})) == everyone
    assert titles(client.get("/tags/Naruto/works", {"q": "ramen -oldest"})) == everyone[:2]
    assert titles(client.get("/tags/Naruto/works", {"q": "sushi"})) == []
    Work.objects.filter(pk=made["Oldest"].pk).update(updated_at=timezone.now())
    announce_work_changed([made["Oldest"].pk])  # as every real change does (the page cache)
    assert titles(client.get("/tags/Naruto/works")) == ["Oldest", "Newest", "Child fandom"]
    make_parent("Bleach", "Naruto (Anime)")  # wrangling moves works into a tag's listing
    assert titles(client.get("/tags/Bleach/works")) == ["Elsewhere", "Child fandom"]
