"""An author posts, reads, edits, reorders and deletes a work in the real browser; readers who
must not see a draft or a restricted work don't."""

import pytest

from ficarchive.works.models import Work
from ficarchive.works.services import post_work

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def fill_new_work(page):
    page.goto("/works/new")
    page.select_option("#id_rating", "General Audiences")
    page.check("input[name=warnings][value='No Archive Warnings Apply']")
    page.fill("#id_fandoms", "Original Work")
    page.fill("#id_characters", "Nell, The Night Porter")
    page.fill("#id_freeforms", "Hotels, <b>Bold</b> tag")
    page.fill("#id_title", "The Night Porter")
    page.fill("#id_summary", "A hotel that never quite closes.")
    page.fill("#id_notes", "Opening <script>alert(1)</script>notes.")
    page.fill("#id_chapters_expected", "")
    page.fill("#id_chapter-title", "Check-in")
    page.fill("#id_chapter-body", "The bell rang at three.\n\nNobody was at the desk.")


def test_an_author_posts_reads_edits_reorders_and_deletes_a_work(login_page, author):
    page = login_page(author)
    fill_new_work(page)
    page.get_by_role("button", name="Preview").click()
    assert (
        page.locator(".preview .chapter .userstuff p").first.inner_text()
        == "The bell rang at three."
    )
    assert not Work.objects.exists()
    page.get_by_role("button", name="Post", exact=True).click()
    page.wait_for_url("**/works/*")
    work = Work.objects.get()
    assert page.locator("h2.title.heading").inner_text().strip() == "The Night Porter"
    assert page.locator("dd.freeform.tags a.tag").all_inner_texts() == ["Hotels", "<b>Bold</b> tag"]
    assert page.locator(".preface .notes blockquote").inner_text() == "Opening notes."
    assert page.locator("dd.chapters").inner_text() == "1/?"

    page.get_by_role("link", name="Add Chapter").click()
    page.fill("#id_title", "Room 12")
    page.fill("#id_notes", "The second night.")
    page.fill("#id_body", "Room 12 had no door.")
    page.get_by_role("button", name="Post", exact=True).click()
    page.wait_for_url("**/chapters/*")
    assert "Room 12 had no door." in page.locator("#chapters").inner_text()

    page.get_by_role("link", name="← Previous Chapter").first.click()
    assert "The bell rang at three." in page.locator("#chapters").inner_text()
    page.get_by_role("link", name="Entire Work").first.click()
    text = page.locator("#chapters").inner_text()
    assert text.index("The bell rang") < text.index("Room 12 had no door.")

    page.get_by_role("link", name="Edit", exact=True).click()
    page.fill("#id_title", "The Night Porter Returns")
    page.check("#id_complete")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url(f"**/works/{work.pk}")
    assert page.locator("h2.title.heading").inner_text().strip() == "The Night Porter Returns"
    assert page.locator("dd.chapters").inner_text() == "2/2"

    page.goto(f"/works/{work.pk}/chapters/manage")
    first, second = work.chapters.order_by("position")
    page.fill(f"#id_chapter_{first.pk}", "2")
    page.fill(f"#id_chapter_{second.pk}", "1")
    page.get_by_role("button", name="Save the new order").click()
    page.wait_for_url("**/navigate")
    assert page.locator("ol.chapter.index li a").all_inner_texts() == ["1. Room 12", "2. Check-in"]

    page.goto(f"/works/{work.pk}/delete")
    page.get_by_role("button", name="Yes, delete the work").click()
    page.wait_for_url("**/dashboard")
    assert not Work.objects.exists()


def test_a_refused_post_keeps_what_the_author_typed(login_page, author):
    page = login_page(author)
    fill_new_work(page)
    page.fill("#id_fandoms", "")
    page.get_by_role("button", name="Post", exact=True).click()
    assert "Nothing has been saved." in page.locator(".form-errors").inner_text()
    assert page.input_value("#id_title") == "The Night Porter"
    assert "Nobody was at the desk." in page.input_value("#id_chapter-body")
    assert not Work.objects.exists()


def test_a_draft_and_a_restricted_work_stay_hidden(page, login_page, author, reader):
    def make_work(title, **fields):
        return post_work(pseuds=[author.default_pseud], title=title, fandoms=["Original Work"],
                         rating="General Audiences", body="Some words.", **fields)  # fmt: skip

    draft = make_work("Unfinished Business", draft=True)
    members = make_work("For Members", restricted=True)
    page.goto(f"/works/{members.pk}")
    assert "only for signed-in readers" in page.content()
    assert "For Members" not in page.content()
    login_page(reader)
    page.goto(f"/works/{draft.pk}")
    assert "Unfinished Business" not in page.content()
    page.goto(f"/works/{members.pk}")
    assert page.locator("h2.title.heading").inner_text().strip() == "For Members"
    page.goto("/")
    assert "For Members" in page.content() and "Unfinished Business" not in page.content()
