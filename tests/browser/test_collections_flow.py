"""Collections, gifts, related works and orphaning, clicked in a real browser."""

import pytest
from playwright.sync_api import expect

from ficarchive.works.models import Work
from tests.browser.helpers import post_work_in_browser, switch_to
from tests.conftest import make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_a_moderated_anonymous_collection_from_opening_to_reveal(page, login_page):
    maintainer, author = make_user("maintainer"), make_user("author")
    login_page(maintainer)
    page.goto("/collections/new")
    page.fill("#id_name", "winter_fest")
    page.fill("#id_title", "Winter Fest")
    page.check("#id_moderated")
    page.check("#id_anonymous")
    page.get_by_role("button", name="Open the collection").click()
    page.wait_for_url("**/collections/winter_fest")

    switch_to(page, login_page, author)
    post_work_in_browser(page, "Frost Song", collections="winter_fest")
    post_work_in_browser(page, "Thaw Song", collections="winter_fest")

    switch_to(page, login_page, maintainer)
    page.goto("/collections/winter_fest/items")
    queue = page.locator("ol.work.index")
    expect(queue).to_contain_text("Frost Song")
    expect(queue).to_contain_text("Thaw Song")
    expect(queue.locator("a[rel=author]")).to_have_count(2)  # a maintainer sees both creators
    page.locator("li.collection-item", has_text="Frost Song").locator(
        "input[type=checkbox]"
    ).check()
    page.get_by_role("button", name="Approve the chosen").click()
    expect(page.locator(".messages, [role=status]").first).to_contain_text("1 item approved")

    page.context.clear_cookies()
    page.goto("/collections/winter_fest/works")
    listing = page.locator("ol.work.index")
    expect(listing).to_contain_text("Frost Song")
    expect(listing).not_to_contain_text("Thaw Song")  # still waiting for approval
    expect(listing).to_contain_text("Anonymous")
    expect(listing.locator("a[rel=author]")).to_have_count(0)  # a guest sees no creator
    frost = Work.objects.get(title="Frost Song")
    page.goto(f"/works/{frost.pk}")
    expect(page.locator("h3.byline")).to_have_text("Anonymous")

    login_page(maintainer)
    page.goto("/collections/winter_fest")
    page.get_by_role("button", name="Reveal the creators").click()
    page.context.clear_cookies()
    page.goto(f"/works/{frost.pk}")
    expect(page.locator("h3.byline a[rel=author]")).to_have_text("author")


def test_a_gift_is_given_then_refused(page, login_page):
    author, reader = make_user("author"), make_user("reader")
    login_page(author)
    work = post_work_in_browser(page, "Winter Gift", gift_to="reader")
    expect(page.locator(".associations .gifts")).to_contain_text("For reader")

    switch_to(page, login_page, reader)
    page.goto("/inbox")
    expect(page.locator("ol.inbox")).to_contain_text("You were given a gift: “Winter Gift”.")
    page.goto("/users/reader/gifts")
    page.get_by_role("button", name="Refuse this gift").click()
    expect(page.locator("h2.heading", has_text="Gifts you refused")).to_be_visible()
    page.goto(f"/works/{work.pk}")
    expect(page.locator(".associations .gifts")).to_have_count(0)


def test_a_translation_is_linked_and_approved(page, login_page):
    author, translator = make_user("author"), make_user("translator")
    login_page(author)
    original = post_work_in_browser(page, "The Original")

    switch_to(page, login_page, translator)
    post_work_in_browser(page, "La Traduction", source_kind="translation",
                         source_url=f"/works/{original.pk}")  # fmt: skip
    expect(page.locator(".associations .source")).to_contain_text("Translation of The Original")

    switch_to(page, login_page, author)
    page.goto("/inbox")
    page.get_by_role("link", name="approve it to show it there", exact=False).first.click()
    expect(page.locator("main")).to_contain_text("Waiting for your approval")
    page.get_by_role("button", name="Approve").click()
    page.context.clear_cookies()
    page.goto(f"/works/{original.pk}/related_works")
    expect(page.locator("main")).to_contain_text("Translation of this work: La Traduction")


def test_a_work_is_orphaned_after_confirming(page, login_page):
    author = make_user("author")
    login_page(author)
    work = post_work_in_browser(page, "Left Behind")
    page.get_by_role("link", name="Orphan", exact=True).click()
    page.get_by_role("button", name="Orphan").click()
    expect(page.locator("main")).to_contain_text("Tick the box to confirm")
    page.check("#orphan-confirm")
    page.get_by_role("button", name="Orphan").click()
    page.wait_for_url("**/dashboard")
    page.context.clear_cookies()
    page.goto(f"/works/{work.pk}")
    expect(page.locator("h3.byline")).to_have_text("orphan_account")
