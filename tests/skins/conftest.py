"""A texting skin and the posting form's fields, for the skins tests."""

from __future__ import annotations

import pytest

from ficarchive.skins.services import save_skin

TEXTING_CSS = """
.phone { background: #eef; border-radius: 1em; padding: 1em }
.text { border-radius: 1em; padding: .4em .8em; margin: .3em 0; max-width: 70% }
.text.me { margin-left: auto; background: rgb(0, 120, 255); color: white }
.text.them { background: #ddd; color: black }
"""
TEXTING_BODY = (
    '<div class="phone"><p class="text them">are you coming?</p>'
    '<p class="text me">on my way</p></div>'
)


def work_form(**overrides) -> dict:
    data = {
        "title": "Read receipts",
        "rating": "General Audiences",
        "warnings": ["No Archive Warnings Apply"],
        "categories": ["Gen"],
        "fandoms": "Original Work",
        "language": "en",
        "chapter-body": TEXTING_BODY,
        "action": "post",
    }
    data.update(overrides)
    return data


@pytest.fixture
def texting_skin(author):
    return save_skin(author, kind="work", title="Phone", css=TEXTING_CSS)
