"""The posting form's fields as a browser sends them."""

from __future__ import annotations


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
