"""Kudos, comments, replies, freezing, blocking and resuming, clicked in a real browser."""

import re

import pytest
from playwright.sync_api import expect

from ficarchive.accounts.models import Block
from ficarchive.feedback.models import Reading
from ficarchive.works.models import Work
from ficarchive.works.services import post_work
from tests.conftest import make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

LONG_BODY = "".join(f"<p>Paragraph {n} of a long road, step after step.</p>" for n in range(300))


@pytest.fixture
def cast():
    author = make_user("author")
    reader = make_user("reader")
    work = post_work(
        pseuds=[author.default_pseud], title="The Lantern Road", fandoms=["Naruto"],
        rating="General Audiences", body=LONG_BODY,
    )  # fmt: skip
    return author, reader, work


def test_a_guest_leaves_kudos_in_place_and_a_comment(page, cast):
    _, _, work = cast
    page.goto(f"/works/{work.pk}")
    page.click("button.kudos-button")
    expect(page.locator("#kudos")).to_contain_text("1 guest left kudos")
    expect(page.locator(".feedback-actions .message")).to_contain_text("Thank you")
    assert page.url.endswith(f"/works/{work.pk}")  # no reload: fetch did it
    page.fill("#id_guest_name", "Wanderer")
    page.fill("#id_body", "A lovely road.")
    page.click("#new-comment button[type=submit]")
    expect(page.locator(".comment-list")).to_contain_text("A lovely road.")
    expect(page.locator(".comment-list")).to_contain_text("Wanderer")
    work.refresh_from_db()
    assert work.kudos_count == 1 and work.comments_count == 1


def test_the_creator_replies_then_freezes_the_thread(page, login_page, cast):
    author, reader, work = cast
    login_page(reader)
    page.goto(f"/works/{work.pk}")
    page.click("button.kudos-button")
    expect(page.locator("#kudos")).to_contain_text("reader left kudos")
    page.fill("#id_body", "Will they reach the end?")
    page.click("#new-comment button[type=submit]")
    expect(page.locator(".comment-list")).to_contain_text("Will they reach the end?")
    page.context.clear_cookies()
    login_page(author)
    page.goto("/inbox")
    expect(page.locator(".inbox")).to_contain_text("Will they reach the end?")
    page.click(".inbox-reply summary")
    page.fill(".inbox-reply textarea", "Wait and see.")
    page.click(".inbox-reply button[type=submit]")
    expect(page.locator(".messages")).to_contain_text("Your comment is posted")
    page.goto(f"/works/{work.pk}")
    expect(page.locator(".comment.indent-1")).to_contain_text("Wait and see.")
    page.locator(".comment.indent-0 button", has_text="Freeze thread").click()
    expect(page.locator(".messages")).to_contain_text("frozen")
    expect(page.locator(".comment.indent-1 .comment-actions")).to_contain_text("Frozen")
    assert work.comments.get(parent=None).frozen


def test_a_blocked_reader_is_told_why(page, login_page, cast):
    author, reader, work = cast
    Block.objects.create(blocker=author, blocked=reader)
    login_page(reader)
    page.goto(f"/works/{work.pk}")
    expect(page.locator("#comments")).to_contain_text("blocked you")
    response = None
    with page.expect_navigation() as navigation:
        page.evaluate("document.querySelector('form.js-kudos').submit()")
    response = navigation.value
    assert response.status == 403
    expect(page.locator("main")).to_contain_text("author has blocked you")
    assert Work.objects.get(pk=work.pk).kudos_count == 0


def test_reading_resumes_on_another_device(browser, live_server, login_page, page, cast):
    _, reader, work = cast
    chapter = work.chapters.get()
    login_page(reader)
    page.goto(f"/works/{work.pk}/chapters/{chapter.pk}")
    page.wait_for_load_state("load")
    page.evaluate("window.scrollTo(0, document.body.scrollHeight * 0.6)")
    page.wait_for_function("window.scrollY > 3000")

    def saved():
        line = Reading.objects.filter(user=reader, work=work).first()
        return line is not None and line.stopped_at > 0.1

    for _ in range(40):
        if saved():
            break
        page.wait_for_timeout(250)
    assert saved()
    fraction = Reading.objects.get(user=reader, work=work).stopped_at

    other = browser.new_context(base_url=live_server.url)
    phone = other.new_page()
    phone.goto("/login")
    phone.fill("#id_username", "reader")
    phone.fill("#id_password", "correct horse battery staple")
    phone.click("main button[type=submit]")
    phone.wait_for_url(lambda url: "/login" not in url)
    phone.goto(f"/works/{work.pk}/chapters/{chapter.pk}")
    link = phone.locator("a.js-resume")
    expect(link).to_have_text(re.compile(r"Continue where you left off.*% of the way in"))
    link.click()
    phone.wait_for_function("window.scrollY > 1000")
    assert abs(phone.evaluate("window.scrollY") - 0) > 1000 and fraction > 0.1
    other.close()
