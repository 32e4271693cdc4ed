"""A prompt meme in a real browser: an anonymous prompt is posted, claimed and filled, and
its prompter's name shows nowhere, not even to the maintainer."""

import pytest
from playwright.sync_api import expect

from ficarchive.challenges.exchanges import save_meme
from ficarchive.collections.services import create_collection
from ficarchive.tags.models import Tag, TagType
from tests.browser.helpers import post_work_in_browser
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_anonymous_prompt_is_claimed_and_filled(page, login_page):
    maintainer, prompter, writer = (make_user(n) for n in ("maintainer", "prompter", "writer"))
    Tag.objects.create(type=TagType.CHARACTER, name="Smaug", canonical=True)
    save_meme(create_collection(maintainer, name="meme", title="Dragon Meme"), maintainer)

    login_page(prompter)
    page.goto("/collections/meme/prompts/new")
    page.fill("#id_title", "A dragon's lullaby")
    page.fill("#id_text", "Smaug sings to his gold.")
    page.fill("#id_characters", "Smaug")
    page.check("#id_anonymous")
    page.get_by_role("button", name="Post").click()
    expect(page.locator("h2.heading")).to_contain_text("by Anonymous")

    page.context.clear_cookies()
    login_page(writer)
    page.goto("/collections/meme/prompts?tag=Smaug")
    page.get_by_role("link", name="A dragon's lullaby").click()
    page.get_by_role("button", name="Claim").click()
    expect(page.locator("main")).to_contain_text("Claimed by")
    post_work_in_browser(
        page, "Lullaby", fandom="The Hobbit", body="Hush now, gold.", collections="meme"
    )

    page.context.clear_cookies()
    login_page(maintainer)
    page.goto("/collections/meme/prompts")
    page.get_by_role("link", name="A dragon's lullaby").click()
    expect(page.locator("main")).to_contain_text("Lullaby")  # the fill is linked
    expect(page.locator("main")).to_contain_text("Anonymous")
    expect(page.locator("main")).not_to_contain_text("prompter")
