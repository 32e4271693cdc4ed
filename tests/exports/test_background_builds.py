"""A PDF not built yet is made on a build thread while the reader's page waits for it (a long
work takes seconds, which a request should not hold a server thread for). The tests build in
the request; here the builds are held back, as a busy build thread does, to see the page."""

from __future__ import annotations

import os
import time

import pytest
from django.urls import reverse

from ficarchive.exports import background, views
from ficarchive.exports.services import downloads_dir
from ficarchive.works.services import update_work
from tests.conftest import PASSWORD

from .conftest import download_url
from .test_opds_auth import basic


@pytest.fixture
def held_tasks(monkeypatch):
    """The builds asked for, not run until the test runs them."""
    asked = []
    monkeypatch.setattr(views, "build_later", lambda *args: asked.append(args))
    return asked


def run(asked) -> None:
    for args in asked:
        background.build(*args)
    asked.clear()


def test_a_pdf_is_prepared_while_the_page_waits_then_downloaded(client, work, held_tasks):
    response = client.get(download_url(work, "pdf"))
    assert response.status_code == 202
    page = response.content.decode()
    assert "Preparing your PDF" in page and 'http-equiv="refresh"' in page
    assert len(held_tasks) == 1
    client.get(download_url(work, "pdf"))  # asked again while queued: not built twice
    assert len(held_tasks) == 1
    run(held_tasks)
    response = client.get(download_url(work, "pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert not list(downloads_dir().glob("*/*.queued"))


def test_a_lost_build_is_asked_for_again(client, work, held_tasks):
    client.get(download_url(work, "pdf"))
    [marker] = downloads_dir().glob("*/*.queued")
    old = time.time() - views.QUEUED_STALE_SECONDS - 1
    os.utime(marker, (old, old))
    assert client.get(download_url(work, "pdf")).status_code == 202
    assert len(held_tasks) == 2


def test_a_work_restricted_before_its_build_is_not_built_for_a_guest(
    client, work, author, held_tasks
):
    client.get(download_url(work, "pdf"))
    update_work(
        work, pseuds=[author.default_pseud], title=work.title, rating="Teen And Up Audiences",
        fandoms=["Naruto"], restricted=True,
    )  # fmt: skip
    run(held_tasks)
    assert not list(downloads_dir().glob("*/*.pdf"))


def test_other_formats_are_built_in_the_request(client, work, held_tasks):
    response = client.get(download_url(work, "epub"))
    assert response.status_code == 200 and response["Content-Type"] == "application/epub+zip"
    assert held_tasks == []


def test_an_e_reader_app_gets_the_pdf_itself(client, reader, work, held_tasks):
    url = reverse("opds_download", kwargs={"work_id": work.pk, "filename": "x", "ext": "pdf"})
    response = client.get(url, secure=True, **basic("reader", PASSWORD))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert held_tasks == []
