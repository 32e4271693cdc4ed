"""A PDF download in a real browser with JavaScript off: the reader waits on "Preparing your
PDF" while a build thread of the server makes it, and the page's own refresh fetches it."""

import pytest
from playwright.sync_api import Error, expect

from ficarchive.works.services import post_work
from tests.conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_pdf_is_prepared_then_downloads_without_javascript(
    browser, live_server, settings, tmp_path
):
    settings.DATA_DIR = tmp_path
    settings.DOWNLOAD_BUILD_THREADS = 1  # a real build thread (the tests build in the request)
    author = make_user("author")
    body = "".join(f"<p>Paragraph {n} of the harbour road.</p>" for n in range(400))
    work = post_work(
        pseuds=[author.default_pseud], title="Harbour Road", fandoms=["Original Work"],
        rating="General Audiences", body=body,
    )  # fmt: skip
    context = browser.new_context(
        base_url=live_server.url, java_script_enabled=False, accept_downloads=True
    )
    page = context.new_page()
    try:
        page.goto(f"/works/{work.pk}")
        url = page.get_by_role("link", name="PDF").get_attribute("href")
        with page.expect_download(timeout=30_000) as download_info:
            try:
                page.goto(url)
                expect(page.get_by_role("heading", level=1)).to_have_text("Preparing your PDF")
            except Error as error:  # the file was ready at once: the navigation is the download
                if "Download is starting" not in str(error):
                    raise
        download = download_info.value
        assert download.suggested_filename == "Harbour Road.pdf"  # the title itself (filename*)
        with open(download.path(), "rb") as pdf:
            assert pdf.read(5) == b"%PDF-"
    finally:
        context.close()
