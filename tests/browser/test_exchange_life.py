"""A gift exchange's whole life in a real browser, on a phone and on a desktop: the
maintainer opens an anonymous, unrevealed collection and its exchange, four people sign up
with several requests and offers (one with a name the tag set doesn't hold first), the
maintainer closes sign-ups, generates, swaps two drafts by hand and sends; a giver defaults
and a volunteer pinch-hits; the gifts stay hidden from guests until the reveal."""

import os

import pytest
from playwright.sync_api import expect

from ficarchive.challenges.models import Assignment
from ficarchive.tags.models import Tag, TagType
from tests.browser.helpers import post_work_in_browser, switch_to
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = os.environ.get("SCREENSHOTS_DIR")
CHARACTERS = ("Bilbo Baggins", "Thorin Oakenshield", "Smaug", "Gandalf")


def shot(page, width, step):
    """A screenshot (with SCREENSHOTS_DIR set); on every width the page fits without a
    sideways scroll (wide tables scroll in their own box)."""
    assert page.evaluate("document.documentElement.scrollWidth") <= width, step
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{width}-{step}.png", full_page=True)


@pytest.mark.parametrize("width", [390, 1280])
def test_an_exchange_from_sign_ups_to_the_reveal(page, login_page, width):
    page.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})
    maintainer, volunteer = make_user("maintainer"), make_user("volunteer")
    people = [make_user(n) for n in ("ann", "bea", "cal", "dee")]
    Tag.objects.create(type=TagType.FANDOM, name="The Hobbit", canonical=True)
    for name in CHARACTERS:
        Tag.objects.create(type=TagType.CHARACTER, name=name, canonical=True)

    login_page(maintainer)
    page.goto("/collections/new")
    page.fill("#id_name", "swap")
    page.fill("#id_title", "Hobbit Swap")
    page.check("#id_anonymous")
    page.check("#id_unrevealed")
    page.get_by_role("button", name="Open the collection", exact=False).click()
    page.wait_for_url("**/collections/swap")
    page.get_by_role("link", name="Gift exchange settings").click()
    page.check("#id_signups_open")
    page.fill("#id_signups_close_at", "2099-01-01 12:00")
    for field, value in {"requests_max": "2", "offers_max": "2", "fandom_max_tags": "1",
                         "fandom_min_tags": "1", "fandom_required_to_match": "1",
                         "character_max_tags": "2", "character_min_tags": "1",
                         "character_required_to_match": "1"}.items():  # fmt: skip
        page.fill(f"#id_{field}", value)
    shot(page, width, "01-setup")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/collections/swap/tag_set")
    page.select_option("#tag-type", "fandom")
    page.fill("#tag-names", "The Hobbit")
    page.get_by_role("button", name="Add").click()
    page.select_option("#tag-type", "character")
    page.fill("#tag-names", ", ".join(CHARACTERS))
    page.get_by_role("button", name="Add").click()
    expect(page.locator("ul.tag-set")).to_contain_text("Gandalf")

    wants = {"ann": ("Bilbo Baggins", "Smaug"), "bea": ("Smaug", "Gandalf"),
             "cal": ("Thorin Oakenshield", "Bilbo Baggins"), "dee": ("Gandalf", "Thorin Oakenshield")}  # fmt: skip
    for n, user in enumerate(people):
        switch_to(page, login_page, user)
        page.goto("/collections/swap/signups/new")
        first, second = wants[user.username]
        for kind, names in (("request", (first, second)), ("offer", (second, first))):
            for i, name in enumerate(names, start=1):
                page.fill(f"#id_{kind}_{i}_fandom", "The Hobbit")
                page.fill(f"#id_{kind}_{i}_character", name)
        if n == 0:  # a name the tag set doesn't hold: a clear message, nothing saved
            page.fill("#id_request_2_character", "Legolas")
            page.get_by_role("button", name="Sign up").click()
            expect(page.locator("main")).to_contain_text("Legolas")
            shot(page, width, "02-signup-refused")
            page.fill("#id_request_2_character", second)
        page.get_by_role("button", name="Sign up").click()
        page.wait_for_url("**/collections/swap")

    switch_to(page, login_page, maintainer)
    page.goto("/collections/swap/gift_exchange/edit")
    page.uncheck("#id_signups_open")
    page.fill("#id_signups_close_at", "")
    page.get_by_role("button", name="Save").click()
    page.wait_for_url("**/collections/swap/tag_set")
    switch_to(page, login_page, volunteer)  # too late to sign up
    page.goto("/collections/swap/signups/new")
    page.fill("#id_request_1_fandom", "The Hobbit")
    page.fill("#id_request_1_character", "Smaug")
    page.fill("#id_offer_1_fandom", "The Hobbit")
    page.fill("#id_offer_1_character", "Smaug")
    page.get_by_role("button", name="Sign up").click()
    expect(page.locator("main")).to_contain_text("closed")

    switch_to(page, login_page, maintainer)
    page.goto("/collections/swap/assignments")
    page.get_by_role("button", name="Generate assignments").click()
    expect(page.locator("table.assignments tbody tr")).to_have_count(4)
    drafts = list(Assignment.objects.order_by("pk"))
    pair = next((a, b) for a in drafts for b in drafts if a.pk < b.pk
                and a.giver_id != b.recipient_id and b.giver_id != a.recipient_id)  # fmt: skip
    page.fill("#swap-first", str(pair[0].pk))
    page.fill("#swap-second", str(pair[1].pk))
    with page.expect_navigation():
        page.get_by_role("button", name="Swap").click()
    shot(page, width, "03-assignments")
    page.get_by_role("button", name="Send the assignments").click()
    expect(page.locator("table.assignments")).to_contain_text("sent")

    swapped = Assignment.objects.get(pk=pair[0].pk)
    assert swapped.recipient_id == pair[1].recipient_id
    giver, recipient = swapped.giver.user, swapped.recipient.user
    others = [p for p in people if p not in (giver, recipient)]
    switch_to(page, login_page, others[0])  # another participant can't read it
    response = page.goto(f"/collections/swap/assignments/{swapped.pk}")
    assert response.status == 403
    expect(page.locator("body")).not_to_contain_text(recipient.username)

    switch_to(page, login_page, giver)
    page.goto("/inbox")
    page.get_by_role("link", name=f"you write for {recipient.username}", exact=False).click()
    expect(page.locator("h2.heading")).to_contain_text("Your assignment")
    shot(page, width, "04-assignment")
    page.get_by_role("button", name="I can't write it: default").click()
    page.wait_for_url("**/collections/swap")

    switch_to(page, login_page, volunteer)
    page.goto("/collections/swap/pinch_hits")
    expect(page.locator("main")).not_to_contain_text(recipient.username)
    shot(page, width, "05-pinch-hits")
    page.get_by_role("button", name="I'll write it").click()
    expect(page.locator("h2.heading")).to_contain_text(recipient.username)
    post_work_in_browser(
        page,
        "Pinch-hit present",
        fandom="The Hobbit",
        body="A gift, wrapped.",
        collections="swap",
        gift_to=recipient.username,
    )
    gift_url = page.url
    assert Assignment.objects.get(pk=swapped.pk).work.title == "Pinch-hit present"

    page.context.clear_cookies()  # a guest: nothing yet
    page.goto("/collections/swap/works")
    expect(page.locator("main")).not_to_contain_text("Pinch-hit present")
    assert page.goto(gift_url).status == 404
    switch_to(page, login_page, recipient)
    page.goto(f"/users/{recipient.username}/gifts")
    expect(page.locator("main")).not_to_contain_text("Pinch-hit present")

    switch_to(page, login_page, maintainer)
    page.goto("/collections/swap")
    shot(page, width, "06-before-reveal")
    with page.expect_navigation():
        page.get_by_role("button", name="Reveal the works").click()
    switch_to(page, login_page, recipient)
    page.goto(f"/users/{recipient.username}/gifts")
    expect(page.locator("main")).to_contain_text("Pinch-hit present")
    page.goto(gift_url)
    expect(page.locator("main")).to_contain_text("Anonymous")
    expect(page.locator("main")).not_to_contain_text("volunteer")
    shot(page, width, "07-gift-revealed")
