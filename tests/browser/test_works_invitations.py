"""An author names a co-creator; the co-creator finds the invitation in their inbox, accepts
it in the real browser, and joins the byline."""

import pytest

from ficarchive.works.models import Work

from .test_works_posting import fill_new_work

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_an_invited_co_creator_accepts_from_the_inbox(login_page, author, coauthor):
    page = login_page(author)
    fill_new_work(page)
    page.fill("#id_co_creators", "coauthor")
    page.get_by_role("button", name="Post", exact=True).click()
    page.wait_for_url("**/works/*")
    work = Work.objects.get()
    assert page.locator("h3.byline a").all_inner_texts() == ["author"]
    page.goto(f"/works/{work.pk}/edit")
    assert (
        "Invited, waiting for an answer: coauthor."
        in page.locator("#id_co_creators_help").inner_text()
    )

    page.context.clear_cookies()
    login_page(coauthor)
    page.goto("/inbox")
    page.get_by_role("link", name="The Night Porter").click()
    page.wait_for_url(f"**/works/{work.pk}/invitation")
    page.get_by_role("button", name="Accept").click()
    page.wait_for_url(f"**/works/{work.pk}")
    assert page.locator("h3.byline a").all_inner_texts() == ["author", "coauthor"]
    page.get_by_role("link", name="Edit", exact=True).click()
    page.wait_for_url(f"**/works/{work.pk}/edit")
    assert page.input_value("#id_title") == "The Night Porter"
    page.goto("/inbox")
    assert "The Night Porter" not in page.locator("main").inner_text()
