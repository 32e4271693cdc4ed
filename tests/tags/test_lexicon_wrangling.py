"""The starter lexicon wrangles fandoms as AO3 does: fandoms AO3 keeps apart are separate
canonical tags (a sequel or a spin-off a child of its parent fandom, never a synonym of it),
and a work joins a fandom only through its own fandom tags."""

from __future__ import annotations

import html
from dataclasses import replace

import pytest
from django.urls import reverse

from ficarchive.tags.lexicon_load import load_lexicon_into_tags
from ficarchive.tags.models import Tag, TagType, name_key
from ficarchive.text.lexicon import load_lexicon

# Fandoms AO3 wrangles as canonical tags of their own, with the short names people type for
# them, and the fandom AO3 files them under (None: a fandom of its own).
KEPT_APART = {
    "Boruto: Naruto Next Generations": (["Boruto"], "Naruto"),
    "Naruto": (["Naruto Shippuden"], None),
    "Marvel Cinematic Universe": (["MCU"], "Marvel"),
    "The Avengers (Marvel Movies)": (["The Avengers"], "Marvel Cinematic Universe"),
    "Marvel": (["Marvel"], None),
    "Sherlock (TV)": (["BBC Sherlock"], "Sherlock Holmes & Related Fandoms"),
    "Sherlock Holmes - Arthur Conan Doyle": ([], "Sherlock Holmes & Related Fandoms"),
    "Doctor Who": (["DW"], "Doctor Who & Related Fandoms"),
    "Doctor Who (2005)": ([], "Doctor Who"),
    "Torchwood": (["Torchwood"], "Doctor Who & Related Fandoms"),
    "Star Wars - All Media Types": (["Star Wars"], None),
    "Star Wars: The Mandalorian (TV)": (["The Mandalorian"], "Star Wars - All Media Types"),
    "Star Wars: The Clone Wars (2008) - All Media Types": (
        ["Clone Wars"], "Star Wars - All Media Types",
    ),
    "The Lord of the Rings - J. R. R. Tolkien": (["LOTR"], None),
    "The Hobbit - J. R. R. Tolkien": (["The Hobbit"], None),
    "Percy Jackson and the Olympians - Rick Riordan": (["PJO"], None),
    "The Heroes of Olympus - Rick Riordan": (["Heroes of Olympus"], None),
    "Fullmetal Alchemist: Brotherhood & Manga": (["FMAB"], "Fullmetal Alchemist - All Media Types"),
    "Original Work": ([], None),
}  # fmt: skip


def load_fandoms(*names: str, characters: bool = False) -> None:
    """Load the lexicon's fandoms (these ones, or all) into the tag table; their characters
    and ships only when asked (the whole lexicon takes seconds to load)."""
    lexicon = load_lexicon()
    fandoms = [f for f in lexicon.fandoms if not names or f.name in names]
    if not characters:
        fandoms = [replace(f, characters=(), ships=()) for f in fandoms]
    load_lexicon_into_tags(replace(lexicon, fandoms=tuple(fandoms), freeforms=()))


@pytest.fixture
def lexicon(db):
    load_fandoms()


def fandom(name: str) -> Tag:
    return Tag.objects.named(TagType.FANDOM, name).get()


def test_no_lexicon_fandom_is_a_synonym_of_another_canonical_fandom(lexicon):
    canonical = {name_key(f.name): f.name for f in load_lexicon().fandoms}
    for entry in load_lexicon().fandoms:
        for alias in entry.aliases:
            other = canonical.get(name_key(alias))
            assert other in (None, entry.name), f"{alias!r} of {entry.name!r} names {other!r}"


def test_fandoms_ao3_keeps_apart_are_canonical_tags_of_their_own(lexicon):
    for name, (typed, parent) in KEPT_APART.items():
        tag = fandom(name)
        assert tag.canonical and tag.synonym_of is None, name
        for short in typed:
            assert fandom(short).filterable == tag, short
        if parent:
            assert fandom(parent) in tag.parents.all(), name


def test_a_conan_doyle_work_is_not_counted_under_the_tv_show(db, post, titles_under):
    load_fandoms("Sherlock (TV)", "Sherlock Holmes - Arthur Conan Doyle", characters=True)
    post("Baker Street", fandoms=["Sherlock Holmes - Arthur Conan Doyle"],
         characters=["Sherlock Holmes", "John Watson"])  # fmt: skip
    post("BBC", fandoms=["Sherlock (TV)"], characters=["Sherlock Holmes"])
    assert titles_under(fandom("Sherlock (TV)")) == {"BBC"}
    assert titles_under(fandom("Sherlock Holmes - Arthur Conan Doyle")) == {"Baker Street"}
    assert titles_under(fandom("Sherlock Holmes & Related Fandoms")) == {"Baker Street", "BBC"}
    holmes = Tag.objects.named(TagType.CHARACTER, "Sherlock Holmes").get()
    assert titles_under(holmes) == {"Baker Street", "BBC"}


def test_a_boruto_work_is_found_under_naruto_but_not_the_other_way(db, post, titles_under):
    load_fandoms("Naruto", "Boruto: Naruto Next Generations")
    post("Next generation", fandoms=["Boruto"])
    post("First generation", fandoms=["Naruto"])
    assert titles_under(fandom("Naruto")) == {"Next generation", "First generation"}
    assert titles_under(fandom("Boruto: Naruto Next Generations")) == {"Next generation"}


def test_original_work_is_in_the_fandom_index_and_the_opds_catalog(db, post, client):
    load_fandoms("Original Work")
    post("An original", fandoms=["Original Work"])
    assert ">Original Work</a>" in client.get(reverse("tag_index")).content.decode()
    assert "<title>Original Work</title>" in client.get(reverse("opds_fandoms")).content.decode()


def media_sections(page: str) -> dict[str, str]:
    """The tag index's fandoms, by the heading of each medium."""
    sections = {}
    for chunk in page.split('<section class="tag-index-media"')[1:]:
        heading = html.unescape(chunk.split("<h3>", 1)[1].split("</h3>", 1)[0])
        sections[heading] = chunk.split("</section>", 1)[0]
    return sections


def test_the_tag_index_lists_fandoms_with_works_by_media_as_ao3_does(
    db, post, client, client_for, wrangler
):
    load_fandoms("Naruto", "Sherlock (TV)", "Original Work", "Supernatural", "Marvel")
    post("A mission", fandoms=["Naruto"])
    post("A case", fandoms=["Sherlock (TV)"])
    post("A story of my own", fandoms=["Original Work"])
    post("Comics and films", fandoms=["Marvel"])
    post("A harbour", fandoms=["Harbour Tales"])
    harbour = Tag.objects.get(type=TagType.FANDOM, name="Harbour Tales")
    client_for(wrangler).post(f"/tags/wrangle/{harbour.pk}/canonical")
    sections = media_sections(client.get(reverse("tag_index")).content.decode())
    assert ">Naruto</a> (1)" in sections["Anime & Manga"]
    assert ">Sherlock (TV)</a> (1)" in sections["TV Shows"]
    assert ">Original Work</a> (1)" in sections["Other Media"]
    assert ">Marvel</a>" in sections["Movies"] and ">Marvel</a>" in sections["Cartoons & Comics & Graphic Novels"]  # fmt: skip
    assert ">Harbour Tales</a> (1)" in sections["Uncategorized Fandoms"]
    assert "Supernatural" not in "".join(sections.values())  # no work is found under it
    assert "Sherlock" not in sections["Anime & Manga"]
    # a wrangler sorts the new fandom; the index follows at once
    response = client_for(wrangler).post(
        f"/tags/wrangle/{harbour.pk}/media", {"media-media": ["Books & Literature"]}, follow=True
    )
    assert "listed under Books &amp; Literature" in response.content.decode()
    sections = media_sections(client.get(reverse("tag_index")).content.decode())
    assert ">Harbour Tales</a>" in sections["Books & Literature"]
    assert "Harbour Tales" not in sections.get("Uncategorized Fandoms", "")


def test_sorting_into_media_refuses_what_is_not_a_medium_and_changes_nothing(
    db, client_for, wrangler
):
    load_fandoms("Naruto")
    naruto = Tag.objects.get(type=TagType.FANDOM, name="Naruto")
    response = client_for(wrangler).post(
        f"/tags/wrangle/{naruto.pk}/media", {"media-media": ["Radio"]}
    )
    assert (
        response.status_code == 400
        and "Radio is not one of the available choices" in response.content.decode()
    )
    naruto.refresh_from_db()
    assert naruto.media == ["Anime & Manga"]


def test_every_fandom_of_the_lexicon_is_sorted_into_a_known_medium():
    from ficarchive.tags.fixed import MEDIA

    for fandom in load_lexicon().fandoms:
        assert fandom.media and set(fandom.media) <= set(MEDIA), fandom.name
