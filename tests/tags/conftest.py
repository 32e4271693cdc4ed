"""Helpers for the tags tests: a small wrangled Naruto fandom and a way to post works."""

from __future__ import annotations

import pytest

from ficarchive.tags.models import Tag, TagParent, TagType
from ficarchive.works.services import post_work


def canonical(tag_type: str, name: str, *parents: Tag) -> Tag:
    tag = Tag.objects.create(type=tag_type, name=name, canonical=True)
    for parent in parents:
        TagParent.objects.create(parent=parent, child=tag)
    return tag


@pytest.fixture
def naruto(db):
    """The fandom Naruto with two canonical characters and a few synonyms."""
    fandom = canonical(TagType.FANDOM, "Naruto")
    sasuke = canonical(TagType.CHARACTER, "Uchiha Sasuke", fandom)
    naruto = canonical(TagType.CHARACTER, "Uzumaki Naruto", fandom)
    Tag.objects.create(type=TagType.CHARACTER, name="Sasuke", synonym_of=sasuke)
    Tag.objects.create(type=TagType.CHARACTER, name="Naruto", synonym_of=naruto)
    return {"fandom": fandom, "sasuke": sasuke, "naruto": naruto}


@pytest.fixture
def post(author):
    """post(title, fandoms=[...], ...) posts a work by `author`."""

    def make(title: str = "A work", **tags):
        tags.setdefault("fandoms", ["Naruto"])
        return post_work(pseuds=[author.default_pseud], title=title, body="<p>Words.</p>", **tags)

    return make


@pytest.fixture
def titles_under():
    """titles_under(tag): the titles of the works found under a tag."""
    from ficarchive.works.models import Work

    def titles(tag: Tag) -> set[str]:
        return set(Work.objects.filter(filter_tags=tag).values_list("title", flat=True))

    return titles


@pytest.fixture
def make_canonical_tag():
    return canonical
