"""The cast of challenge tests: a maintainer running a gift exchange in a collection, three
participants, and a small wrangled fandom (the tag set)."""

from __future__ import annotations

import pytest

from ficarchive.challenges.exchanges import add_to_tag_set, save_exchange
from ficarchive.challenges.signups import PromptInput
from ficarchive.collections.services import create_collection
from ficarchive.tags.models import Tag, TagType
from tests.conftest import make_user

FANDOM_AND_CHARACTER = {
    TagType.FANDOM: {"min_tags": 1, "max_tags": 1, "required_to_match": 1, "weight": 1},
    TagType.CHARACTER: {"min_tags": 1, "max_tags": 3, "allow_any": True, "required_to_match": 1,
                        "weight": 2},
}  # fmt: skip


@pytest.fixture
def maintainer(db):
    return make_user("maintainer")


@pytest.fixture
def hobbit(db):
    fandom = Tag.objects.create(type=TagType.FANDOM, name="The Hobbit", canonical=True)
    names = ["Bilbo Baggins", "Thorin Oakenshield", "Smaug"]
    characters = [Tag.objects.create(type=TagType.CHARACTER, name=n, canonical=True) for n in names]
    Tag.objects.create(type=TagType.CHARACTER, name="Bilbo", synonym_of=characters[0])
    return fandom


@pytest.fixture
def exchange(maintainer, hobbit):
    collection = create_collection(maintainer, name="hobbit_swap", title="Hobbit Swap")
    exchange = save_exchange(collection, maintainer, FANDOM_AND_CHARACTER, signups_open=True,
                             requests_max=2, offers_max=2)  # fmt: skip
    add_to_tag_set(exchange, maintainer, TagType.FANDOM, ["The Hobbit"])
    add_to_tag_set(exchange, maintainer, TagType.CHARACTER,
                   ["Bilbo Baggins", "Thorin Oakenshield", "Smaug"])  # fmt: skip
    return exchange


@pytest.fixture
def participants(db):
    return [make_user(name) for name in ("ann", "bea", "cal")]


def prompt(*characters, fandom="The Hobbit", any_character=False, description=""):
    return PromptInput(
        tags={TagType.FANDOM: [fandom], TagType.CHARACTER: list(characters)},
        any_types={TagType.CHARACTER} if any_character else set(),
        description=description,
    )
