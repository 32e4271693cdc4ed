import pytest

from ficarchive.accounts.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_newcomer_signs_up_fills_in_a_profile_and_sees_it(page):
    page.goto("/")
    page.get_by_role("link", name="Sign up").click()
    page.fill("#id_username", "inkwell")
    page.fill("#id_email", "inkwell@example.org")
    page.fill("#id_password1", "a long and unusual passphrase")
    page.fill("#id_password2", "a long and unusual passphrase")
    page.get_by_role("button", name="Create account").click()

    page.wait_for_url("**/users/inkwell")
    assert page.get_by_role("heading", name="inkwell", exact=True).is_visible()
    assert "Your account is ready" in page.content()

    page.get_by_role("link", name="Edit profile").click()
    page.fill("#id_bio", "I write <em>long</em> slow burns.<script>alert(1)</script>")
    page.fill("#id_links-0-title", "Elsewhere")
    page.fill("#id_links-0-url", "https://example.org/inkwell")
    page.get_by_role("button", name="Save profile").click()

    page.wait_for_url("**/users/inkwell")
    bio = page.locator(".bio")
    assert bio.inner_text().strip() == "I write long slow burns."
    assert bio.locator("em").inner_text() == "long"
    assert (
        page.get_by_role("link", name="Elsewhere").get_attribute("href")
        == "https://example.org/inkwell"
    )
    assert User.objects.get(username="inkwell").pseuds.get().is_default


def test_a_wrong_password_in_the_browser_shows_a_clear_message(page, author):
    page.goto("/login")
    page.fill("#id_username", "author")
    page.fill("#id_password", "not it")
    page.get_by_role("button", name="Log in").click()
    assert "Please enter a correct" in page.locator(".form-errors").inner_text()


def test_dark_mode_is_chosen_without_javascript_help_and_kept(page):
    page.goto("/")
    with page.expect_navigation():
        page.select_option("#theme-select", "dark")
    assert page.locator("html").get_attribute("data-theme") == "dark"
    page.goto("/login")
    assert page.locator("html").get_attribute("data-theme") == "dark"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(23, 23, 26)"
