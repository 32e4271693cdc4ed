"""An import read by the task runner, in a real browser with JavaScript off: the author waits
on "Reading your import", a worker reads it, and the page's own refresh brings the filled
posting form (issue 12, finding 2)."""

import io

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from ficarchive.imports.models import PendingImport
from ficarchive.imports.reading import read_pending
from tests.conftest import PASSWORD, make_user
from tests.imports.samples import HEADER_FIC

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_waiting_page_turns_into_the_confirm_page_without_javascript(
    browser, live_server, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    author = make_user("author")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(reverse("login"))
        page.fill("#id_username", author.username)
        page.fill("#id_password", PASSWORD)
        page.click("main button[type=submit]")
        page.wait_for_url(lambda url: "/login" not in url)
        page.goto(reverse("import_start"))
        page.set_input_files("#id_file", files=[{"name": "lantern.txt", "mimeType": "text/plain",
                                                  "buffer": io.BytesIO(HEADER_FIC.encode()).getvalue()}])  # fmt: skip
        page.get_by_role("button", name="Read it").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Reading your import")
        read_pending(PendingImport.objects.get().pk)  # what the worker does
        expect(page.get_by_role("heading", level=1)).to_have_text("Is this right?", timeout=15_000)
        assert page.input_value("#id_title") == "The Lantern Keeper"
    finally:
        context.close()
