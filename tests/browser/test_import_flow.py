import pytest

from ficarchive.works.models import Work
from tests.imports.samples import HEADER_FIC

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_author_pastes_a_fic_checks_what_was_found_and_saves_a_draft(login_page, author):
    page = login_page(author)
    page.get_by_role("link", name="Import").click()
    page.fill("#id_text", HEADER_FIC)
    page.get_by_role("button", name="Read it").click()

    page.wait_for_url("**/works/import/*")
    assert page.input_value("#id_title") == "The Lantern Keeper"
    assert page.input_value("#id_rating") == "Teen And Up Audiences"
    assert "Rating: T" in page.locator('.evidence[data-field="rating"]').inner_text()
    assert Work.objects.count() == 0

    page.fill("#id_title", "The Lantern Keeper (revised)")
    page.get_by_role("button", name="Save as a draft").click()

    page.wait_for_url("**/works/*")
    assert "saved as a draft" in page.content()
    work = Work.objects.get()
    assert work.title == "The Lantern Keeper (revised)"
    assert not work.posted and work.chapters.count() == 2
