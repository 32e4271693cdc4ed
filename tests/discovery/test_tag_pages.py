"""A tag's page shows its works (a synonym's goes to its canonical tag's works) with its
synonyms, parents and children; a tag only drafts or hidden works carry answers as a name no one
ever typed, on every page that takes a tag's name."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from django.urls import reverse

from ficarchive.works.services import set_hidden_by_admin

from .helpers import make_canonical, make_parent, make_synonym, post, tag

SECRET = "Lighthouse Keeper Reveal"
UNKNOWN = "Never Typed By Anyone"
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]*"')


def tag_urls(name: str) -> list[str]:
    return [
        reverse("tag", args=[name]),
        reverse("tag_works", args=[name]),
        reverse("tag_feed", args=[name]),
        f"/api/v1/tags/{name}",
    ]


def answers(client, name: str) -> list[tuple[int, bytes]]:
    """Status and body of each page that takes a tag's name."""
    responses = [client.get(url) for url in tag_urls(name)]
    quoted = quote(name).encode()
    return [(r.status_code, TOKEN.sub(b"", r.content).replace(quoted, b"NAME")) for r in responses]


@pytest.mark.parametrize("how", ["draft", "hidden"])
def test_a_tag_only_drafts_or_hidden_works_carry_answers_as_an_unknown_name(
    client, client_for, author, reader, how
):
    work = post(author, "Unfinished", freeforms=[SECRET], draft=how == "draft")
    if how == "hidden":
        set_hidden_by_admin(work, True)
    for viewer in (client, client_for(reader)):
        assert answers(viewer, SECRET) == answers(viewer, UNKNOWN)
        assert {status for status, _ in answers(viewer, SECRET)} == {404}
        listing = viewer.get(reverse("works_index"), {"include": SECRET})
        assert f"There is no tag named “{SECRET}”" in listing.content.decode()
    assert client_for(author).get(reverse("tag", args=[SECRET])).status_code == 200


def test_the_tag_becomes_public_once_a_posted_work_carries_it(client, author):
    post(author, "Unfinished", freeforms=[SECRET], draft=True)
    post(author, "Finished", freeforms=[SECRET])
    assert [status for status, _ in answers(client, SECRET)] == [200, 200, 200, 200]


def test_an_unwrangled_tags_page_lists_the_works_that_carry_it(client, author):
    post(author, "Carrying it", freeforms=["Tea Shop AU"])
    post(author, "Not carrying it", freeforms=["Space AU"])
    response = client.get(reverse("tag", args=["Tea Shop AU"]))
    html = response.content.decode()
    assert "has not been wrangled yet" in html
    assert "Carrying it" in html and "Not carrying it" not in html


def test_a_canonical_tags_page_shows_its_works_synonyms_parents_and_children(client, author):
    post(author, "Harbour", freeforms=["Hurt/Comfort", "hurt and comfort", "Whump"])
    post(author, "Elsewhere", freeforms=["Fluff"])
    make_canonical("Hurt/Comfort", "Whump", "Fluff")
    make_synonym("hurt and comfort", of="Hurt/Comfort")
    make_parent("Hurt/Comfort", "Whump")
    make_parent("Fluff", "Hurt/Comfort")
    html = client.get(reverse("tag", args=["Hurt/Comfort"])).content.decode()
    assert "Harbour" in html and "Elsewhere" not in html
    assert "hurt and comfort" in html  # its synonym
    assert reverse("tag_works", args=["Fluff"]) in html  # its parent
    assert reverse("tag_works", args=["Whump"]) in html  # its child


def test_a_synonyms_page_shows_its_canonical_tags_works_and_its_works_url_goes_there(
    client, author
):
    post(author, "Harbour", freeforms=["hurt and comfort"])
    post(author, "Bay", freeforms=["Hurt/Comfort"])
    make_canonical("Hurt/Comfort")
    make_synonym("hurt and comfort", of="Hurt/Comfort")
    html = client.get(reverse("tag", args=["hurt and comfort"])).content.decode()
    assert "A synonym of the Additional Tags tag" in html
    assert "Harbour" in html and "Bay" in html
    response = client.get(reverse("tag_works", args=["hurt and comfort"]), {"sort": "words"})
    assert response.status_code == 302
    assert response.url == tag("Hurt/Comfort").get_works_url() + "?sort=words"
