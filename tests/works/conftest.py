"""Works made through the same service that the posting form calls."""

from __future__ import annotations

import pytest

from ficarchive.works.services import post_work


@pytest.fixture
def make_work():
    def make(user, title="A quiet harbour", *, co=None, **fields):
        fields.setdefault("fandoms", ["Original Work"])
        fields.setdefault("body", "<p>The boats came home one by one.</p>")
        fields.setdefault("rating", "General Audiences")
        pseuds = [user.default_pseud] + ([co.default_pseud] if co else [])
        return post_work(pseuds=pseuds, title=title, **fields)

    return make


def work_form(**overrides) -> dict:
    """The fields of the new-work form as a browser sends them."""
    data = {
        "title": "The lamplighter's daughter",
        "rating": "Teen And Up Audiences",
        "warnings": ["No Archive Warnings Apply"],
        "categories": ["Gen"],
        "fandoms": "Original Work",
        "relationships": "",
        "characters": "Mara, The Lamplighter",
        "freeforms": "Found Family, Rain",
        "language": "en",
        "summary": "A girl learns the streets by their lights.",
        "notes": "Written for a rainy week.",
        "end_notes": "Thank you for reading.",
        "chapters_expected": "2",
        "chapter-title": "Dusk",
        "chapter-body": "The first lamp caught.\n\nThen the second.",
        "action": "post",
    }
    data.update(overrides)
    return data
