import pytest

from ficarchive.tags.models import Tag, TagParent, TagType
from ficarchive.works.models import Work

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def type_and_wait(page, field, text: str) -> None:
    """Type, and wait for the suggestions for the whole text (not those for a part of it)."""
    with page.expect_response(lambda r: "/tags/autocomplete" in r.url and f"q={text}" in r.url):
        field.press_sequentially(text)


@pytest.fixture
def pairing(db):
    fandom = Tag.objects.create(type=TagType.FANDOM, name="Naruto", canonical=True)
    ship = Tag.objects.create(
        type=TagType.RELATIONSHIP, name="Uchiha Sasuke/Uzumaki Naruto", canonical=True
    )
    TagParent.objects.create(parent=fandom, child=ship)
    Tag.objects.create(type=TagType.RELATIONSHIP, name="SasuNaru", synonym_of=ship)
    return ship


def test_an_author_picks_a_pairing_from_the_suggestions_with_the_keyboard(
    login_page, author, pairing
):
    page = login_page(author)
    page.goto("/works/new")
    field = page.locator("#id_relationships")
    assert field.get_attribute("role") == "combobox"
    type_and_wait(page, field, "sasun")
    option = page.get_by_role("option", name="SasuNaru → Uchiha Sasuke/Uzumaki Naruto")
    option.wait_for()
    assert field.get_attribute("aria-expanded") == "true"
    field.press("ArrowDown")
    assert option.get_attribute("aria-selected") == "true"
    assert field.get_attribute("aria-activedescendant") == option.get_attribute("id")
    field.press("Enter")  # picks; does not submit the form
    assert field.input_value() == "Uchiha Sasuke/Uzumaki Naruto, "
    assert page.locator("[role=listbox]").first.is_hidden()

    type_and_wait(page, page.locator("#id_fandoms"), "nar")
    page.get_by_role("option", name="Naruto").click()
    assert page.locator("#id_fandoms").input_value() == "Naruto, "
    page.fill("#id_title", "Picked from the list")
    page.fill("#id_chapter-body", "Words of the story.")
    page.get_by_role("button", name="Post", exact=True).click()
    page.wait_for_url(lambda url: "/works/new" not in url)

    work = Work.objects.get(title="Picked from the list")
    assert work.filter_tags.filter(pk=pairing.pk).exists()


def test_escape_closes_the_suggestions_and_keeps_what_was_typed(login_page, author, pairing):
    page = login_page(author)
    page.goto("/works/new")
    field = page.locator("#id_relationships")
    type_and_wait(page, field, "Sasu")
    page.locator(".tag-suggestion").first.wait_for()
    field.press("Escape")
    assert field.get_attribute("aria-expanded") == "false"
    assert field.input_value() == "Sasu"


def test_a_wrangler_names_the_synonym_target_with_the_suggestions(login_page, wrangler, pairing):
    typo = Tag.objects.create(type=TagType.RELATIONSHIP, name="Sasuke/Naruto <3")
    page = login_page(wrangler)
    page.goto(f"/tags/wrangle/{typo.pk}")
    field = page.locator("#id_synonym-name")
    type_and_wait(page, field, "uchiha")
    page.get_by_role("option", name="Uchiha Sasuke/Uzumaki Naruto").click()
    assert field.input_value() == "Uchiha Sasuke/Uzumaki Naruto"
    page.get_by_role("button", name="Make a synonym of this tag").click()
    page.get_by_text("is now a synonym of Uchiha Sasuke/Uzumaki Naruto").wait_for()
    typo.refresh_from_db()
    assert typo.synonym_of == pairing
