"""Each active include, exclude and rating shows above the results as a chip whose link is the
same listing without it, as AO3's filter sidebar shows them; the sidebar has one rating filter."""

from __future__ import annotations

from urllib.parse import parse_qs

from django.urls import reverse

from .helpers import make_canonical, post, tag, titles


def chips(response) -> dict[str, str]:
    return {f"{c.kind}: {c.name}": c.remove_query for c in response.context["chips"]}


def test_an_excluded_tag_is_a_chip_that_takes_it_away(client, author):
    post(author, "Sad", freeforms=["Angst"])
    post(author, "Glad", freeforms=["Fluff"])
    make_canonical("Angst", "Fluff")
    url = reverse("works_index")
    response = client.get(url, {"exclude_ids": tag("Angst").pk, "include": "Fluff, Angst"})
    found = chips(response)
    assert set(found) == {"Excluding: Angst", "Including: Fluff", "Including: Angst"}
    html = response.content.decode()
    assert 'aria-label="Remove excluding Angst"' in html
    assert parse_qs(found["Excluding: Angst"]) == {"include": ["Fluff, Angst"]}
    assert parse_qs(found["Including: Fluff"]) == {
        "exclude_ids": [str(tag("Angst").pk)], "include": ["Angst"],
    }  # fmt: skip
    assert titles(client.get(f"{url}?{found['Excluding: Angst']}")) == []  # still Fluff+Angst
    without = client.get(url, parse_qs(found["Including: Angst"]))
    assert titles(without) == ["Glad"]


def test_a_rating_is_a_chip_and_the_sidebar_offers_ratings_once(client, author):
    post(author, "Explicit one", rating="Explicit")
    post(author, "General one", rating="General Audiences")
    response = client.get(reverse("works_index"), {"rating": tag("Explicit").pk})
    assert titles(response) == ["Explicit one"]
    assert set(chips(response)) == {"Rating: Explicit"}
    html = response.content.decode()
    assert html.count(f'value="{tag("Explicit").pk}"') <= 3  # include, exclude, kept choice
    assert "Ratings</span>" not in html  # no second set of rating boxes


def test_a_listing_without_filters_has_no_chips(client, author):
    post(author, "Plain")
    response = client.get(reverse("works_index"))
    assert chips(response) == {}
    assert "Active filters" not in response.content.decode()
