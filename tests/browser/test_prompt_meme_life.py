"""A prompt meme's life in a real browser, on a phone and on a desktop: the maintainer opens
an anonymous collection and its meme, a prompter posts an anonymous prompt (after an empty
title is refused), a writer claims it, withdraws, claims again and posts the fill; a guest
and another participant see the fill but neither the prompter nor the claimer."""

import os

import pytest
from playwright.sync_api import expect

from ficarchive.tags.models import Tag, TagType
from tests.browser.helpers import post_work_in_browser, switch_to
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("SCREENSHOTS_DIR")


def shot(page, width, step):
    """A screenshot (with SCREENSHOTS_DIR set); the page fits its width."""
    assert page.evaluate("document.documentElement.scrollWidth") <= width, step
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/meme-{width}-{step}.png", full_page=True)


@pytest.mark.parametrize("width", [390, 1280])
def test_an_anonymous_prompt_is_claimed_unclaimed_claimed_and_filled(page, login_page, width):
    page.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})
    maintainer, prompter, writer, other = (
        make_user(n) for n in ("maintainer", "prompter", "writer", "other")
    )
    Tag.objects.create(type=TagType.CHARACTER, name="Smaug", canonical=True)

    login_page(maintainer)
    page.goto("/collections/new")
    page.fill("#id_name", "meme")
    page.fill("#id_title", "Dragon Meme")
    page.check("#id_anonymous")
    page.get_by_role("button", name="Open the collection").click()
    page.wait_for_url("**/collections/meme")
    page.get_by_role("link", name="Prompt meme settings").click()
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/collections/meme/prompts")

    switch_to(page, login_page, prompter)
    page.goto("/collections/meme/prompts/new")
    page.fill("#id_title", "   ")
    page.fill("#id_characters", "Smaug")
    page.get_by_role("button", name="Post").click()
    expect(page.locator("main")).to_contain_text("required")
    shot(page, width, "01-prompt-refused")
    page.fill("#id_title", "A dragon's lullaby")
    page.fill("#id_text", "Smaug sings to his gold.")
    page.check("#id_anonymous")
    page.get_by_role("button", name="Post").click()
    expect(page.locator("h2.heading")).to_contain_text("by Anonymous")
    prompt_url = page.url

    switch_to(page, login_page, writer)
    page.goto("/collections/meme/prompts?tag=Smaug")
    shot(page, width, "02-prompts")
    page.get_by_role("link", name="A dragon's lullaby").click()
    page.get_by_role("button", name="Claim").click()
    expect(page.locator("main")).to_contain_text("Claimed by")
    expect(page.locator("main")).to_contain_text("writer")  # they see their own claim
    page.get_by_role("button", name="Withdraw my claim").click()
    expect(page.locator("main")).to_contain_text("0 claims")
    page.get_by_role("button", name="Claim").click()
    post_work_in_browser(
        page, "Lullaby", fandom="The Hobbit", body="Hush now, gold.", collections="meme"
    )
    fill_url = page.url
    page.context.clear_cookies()
    page.goto(fill_url)  # the fill's own page, to a guest
    expect(page.locator("main")).to_contain_text("Anonymous")
    expect(page.locator("main")).not_to_contain_text("writer")

    for viewer in (None, other, prompter):
        page.context.clear_cookies()
        if viewer:
            login_page(viewer)
        page.goto(prompt_url)
        main = page.locator("main")
        expect(main).to_contain_text("Lullaby")  # the fill is linked
        expect(main).not_to_contain_text("writer")
        expect(main).not_to_contain_text("prompter")
    shot(page, width, "03-prompt-filled")
