"""A small gift exchange end to end in a real browser: the maintainer sets it up, three
participants sign up, the maintainer matches and sends, a giver posts their gift to the
collection and it fulfils the assignment, and the reveal shows it."""

import pytest
from playwright.sync_api import expect

from ficarchive.challenges.models import Assignment
from ficarchive.collections.services import create_collection
from ficarchive.tags.models import Tag, TagType
from tests.browser.helpers import switch_to
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_up_in_browser(page, request, offer):
    page.goto("/collections/swap/signups/new")
    page.fill("#id_request_1_fandom", "The Hobbit")
    page.fill("#id_request_1_character", request)
    page.fill("#id_offer_1_fandom", "The Hobbit")
    page.fill("#id_offer_1_character", offer)
    page.get_by_role("button", name="Sign up").click()
    page.wait_for_url("**/collections/swap")


def test_a_small_exchange_from_setup_to_a_fulfilled_gift(page, login_page):
    maintainer = make_user("maintainer")
    ann, bea, cal = (make_user(n) for n in ("ann", "bea", "cal"))
    Tag.objects.create(type=TagType.FANDOM, name="The Hobbit", canonical=True)
    for name in ("Bilbo Baggins", "Thorin Oakenshield", "Smaug"):
        Tag.objects.create(type=TagType.CHARACTER, name=name, canonical=True)
    create_collection(maintainer, name="swap", title="Hobbit Swap", anonymous=True, unrevealed=True)

    login_page(maintainer)
    page.goto("/collections/swap")
    page.get_by_role("link", name="Gift exchange settings").click()
    page.check("#id_signups_open")
    for field, value in {"fandom_max_tags": "1", "fandom_min_tags": "1",
                         "fandom_required_to_match": "1", "character_max_tags": "2",
                         "character_min_tags": "1", "character_required_to_match": "1"}.items():  # fmt: skip
        page.fill(f"#id_{field}", value)
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/collections/swap/tag_set")
    page.select_option("#tag-type", "fandom")
    page.fill("#tag-names", "The Hobbit")
    page.get_by_role("button", name="Add").click()
    page.select_option("#tag-type", "character")
    page.fill("#tag-names", "Bilbo Baggins, Thorin Oakenshield, Smaug")
    page.get_by_role("button", name="Add").click()
    expect(page.locator("ul.tag-set")).to_contain_text("Smaug")

    for user, request, offer in ((ann, "Bilbo Baggins", "Smaug"), (bea, "Smaug", "Thorin Oakenshield"),
                                 (cal, "Thorin Oakenshield", "Bilbo Baggins")):  # fmt: skip
        switch_to(page, login_page, user)
        sign_up_in_browser(page, request, offer)

    switch_to(page, login_page, maintainer)
    page.goto("/collections/swap/assignments")
    page.get_by_role("button", name="Generate assignments").click()
    expect(page.locator("table.assignments tbody tr")).to_have_count(3)
    page.get_by_role("button", name="Send the assignments").click()
    expect(page.locator("table.assignments")).to_contain_text("sent")

    switch_to(page, login_page, ann)  # ann writes for bea, who asked for Smaug
    page.goto("/inbox")
    page.get_by_role("link", name="you write for bea", exact=False).first.click()
    expect(page.locator("main")).to_contain_text("Smaug")
    page.goto("/works/new")
    page.select_option("#id_rating", "General Audiences")
    page.check("input[name=warnings][value='No Archive Warnings Apply']")
    page.fill("#id_fandoms", "The Hobbit")
    page.fill("#id_title", "Hoard")
    page.fill("#id_chapters_expected", "1")
    page.fill("#id_chapter-body", "Gold, and more gold.")
    page.fill("#id_collections", "swap")
    page.fill("#id_gift_to", "bea")
    page.get_by_role("button", name="Post", exact=True).click()
    page.wait_for_url("**/works/*")
    assert Assignment.objects.get(giver__user=ann).work.title == "Hoard"

    switch_to(page, login_page, maintainer)
    page.goto("/collections/swap/assignments")
    expect(page.locator("table.assignments")).to_contain_text("posted: Hoard")
    page.goto("/collections/swap")
    page.get_by_role("button", name="Reveal the works").click()
    page.context.clear_cookies()
    page.goto("/collections/swap/works")
    expect(page.locator("ol.work.index")).to_contain_text("Hoard")
