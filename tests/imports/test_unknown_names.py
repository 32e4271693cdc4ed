"""Names the archive does not know yet are kept as written and marked on the confirm page; once
a wrangler makes them tags, the next import knows them."""

import pytest

from ficarchive.imports import services
from ficarchive.tags import wrangling
from ficarchive.tags.models import Tag, TagType

pytestmark = pytest.mark.django_db

PHANTOM_FIC = """Fandom: Persona 5
Pairing: Ryuji/Akira
Rating: T

A/N: First time writing for this game!

Ryuji kicked the vending machine twice before it gave up the soda. Akira watched from the bench
with the patience of someone who had seen the routine a hundred times.

"It likes me," Ryuji said, holding the can up like a trophy. "It just plays hard to get."
"""

SECOND_FIC = """Fandom: Persona 5
Rating: G

A/N: Another little one, for the rooftop crew.

The rooftop garden was Ryuji's idea, which nobody believed. He watered the tomatoes every
morning before class and told anyone who asked that he was only there for the view.

Akira asked anyway. Ryuji told him to mind his own business and handed him the watering can.
"""


def start(client, text):
    return client.post("/works/import", {"format": "auto", "text": text}, follow=True)


def test_a_fandom_and_pairing_the_archive_lacks_are_kept_and_marked(author, client_for):
    response = start(client_for(author), PHANTOM_FIC)
    form = response.context["form"]
    assert form.initial["fandoms"] == "Persona 5"
    assert form.initial["relationships"] == "Akira/Ryuji"
    page = response.content.decode()
    note = page.split('data-field-note="fandoms">', 1)[1].split("</p>", 1)[0]
    assert "Kept as written" in note and "Persona 5" in note


def test_the_confirm_page_says_the_archive_warning_was_a_default(author, client_for):
    response = start(client_for(author), PHANTOM_FIC)
    assert response.context["form"].initial["warnings"] == [
        "Creator Chose Not To Use Archive Warnings"
    ]
    page = response.content.decode()
    note = page.split('data-field-note="warnings">', 1)[1].split("</p>", 1)[0]
    assert "default" in note


def test_a_stated_warning_is_not_called_a_default(author, client_for):
    text = PHANTOM_FIC.replace("Rating: T", "Rating: T\nWarnings: none")
    page = start(client_for(author), text).content.decode()
    assert 'data-field-note="warnings"' not in page


def test_names_the_story_keeps_using_are_offered_not_tagged(author, client_for):
    story = (
        "\n\nThe crate was heavy, and Morgana sat on it. Ryuji glared at Morgana. Later, "
        "only Morgana knew where the key was, and Akira asked Morgana twice."
    )
    response = start(client_for(author), PHANTOM_FIC + story)
    assert "Morgana" not in response.context["form"].initial["characters"]
    page = response.content.decode()
    note = page.split('data-field-note="characters">', 1)[1].split("</p>", 1)[0]
    assert "Also named in the story" in note and "Morgana" in note


def test_after_a_wrangler_makes_a_name_a_tag_the_next_import_knows_him(
    author, wrangler, django_capture_on_commit_callbacks
):
    services.import_as_draft(author, PHANTOM_FIC.encode(), filename="first.txt")
    with django_capture_on_commit_callbacks(execute=True):  # wrangling forgets the lexicon
        fandom = Tag.objects.named(TagType.FANDOM, "Persona 5").get()
        wrangling.make_canonical(fandom, wrangler)
        ryuji = Tag.objects.create(type=TagType.CHARACTER, name="Sakamoto Ryuji", canonical=True)
        wrangling.add_parent(ryuji, fandom, wrangler)
        alias = Tag.objects.named(TagType.CHARACTER, "Ryuji").get()
        wrangling.make_synonym(alias, ryuji, wrangler)

    parsed = services.read_document(SECOND_FIC)
    assert "Sakamoto Ryuji" in parsed["characters"]
    assert "Persona 5" not in parsed.get("unmatched", {}).get("fandoms", [])
    again = services.read_document(PHANTOM_FIC)
    assert again["relationships"] == ["Akira/Sakamoto Ryuji"]
