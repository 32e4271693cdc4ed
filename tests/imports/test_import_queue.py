"""Imports are read off the request (issue 12, finding 2): the upload is kept and queued for
the task runner, the page shows how far the reading is (refreshing itself, no script needed),
then the filled posting form; imports being read at once are limited per author and per site;
the reading happens in a child process with a memory limit."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from ficarchive.imports.isolation import TOO_BIG
from ficarchive.imports.models import PendingImport
from ficarchive.imports.reading import read_document
from ficarchive.text import ImportRefused
from tests.conftest import make_user

from .samples import HEADER_FIC

pytestmark = pytest.mark.django_db
TEN_MB = 10 * 1000 * 1000


@pytest.fixture
def queue(settings):
    """A real task queue (the database backend), as the archive runs: nothing is read until a
    worker takes it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def queued_reads():
    return DBTaskResult.objects.ready().filter(task_path__endswith=".read_import")


def run_the_worker() -> None:
    """What a `db_worker` does with each queued read (the command itself would close the
    test's database connection): the task, called with its arguments."""
    for result in queued_reads():
        result.task.call(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])
        result.set_successful(None)


def upload(client, data: bytes, name: str = "story.html"):
    file = io.BytesIO(data)
    file.name = name
    return client.post(reverse("import_start"), {"format": "auto", "file": file})


def big_html() -> bytes:
    line = b"<p>The boats came home one by one, and the lamps were lit along the quay.</p>\n"
    return b"<html><body><h1>Harbour</h1>" + line * (TEN_MB // len(line)) + b"</body></html>"


def test_eight_imports_of_ten_megabytes_are_queued_and_the_request_path_stays_free(
    queue, client_for, client, make_work, author
):
    guest_page = make_work(author).get_absolute_url()
    document = big_html()
    for n in range(8):
        response = upload(client_for(make_user(f"importer{n}")), document)
        assert response.status_code == 302  # answered at once: the document is only stored
        assert client.get(guest_page).status_code == 200
    pending = list(PendingImport.objects.all())
    assert len(pending) == 8
    assert all(p.status == PendingImport.QUEUED and p.parsed == {} for p in pending)
    assert all(len(p.document) == len(document) for p in pending)
    assert queued_reads().count() == 8  # waiting for a worker


def test_the_page_waits_for_the_worker_then_shows_what_was_found(queue, author, client_for):
    client = client_for(author)
    file = io.BytesIO(HEADER_FIC.encode())
    file.name = "lantern.txt"
    url = client.post(reverse("import_start"), {"format": "auto", "file": file})["Location"]
    waiting = client.get(url)
    page = waiting.content.decode()
    assert "Waiting to be read" in page and '<meta http-equiv="refresh"' in page
    assert "form" not in waiting.context or waiting.context.get("form") is None
    run_the_worker()
    ready = client.get(url)
    assert ready.context["form"].initial["title"] == "The Lantern Keeper"
    assert PendingImport.objects.get().document is None  # the upload is let go once read


def test_an_author_may_have_two_imports_being_read_at_once(queue, author, client_for):
    client = client_for(author)
    for _ in range(2):
        assert upload(client, b"<p>One story.</p>").status_code == 302
    refused = upload(client, b"<p>A third story.</p>")
    assert refused.status_code == 200
    assert "imports being read already" in refused.content.decode()
    assert PendingImport.objects.count() == 2


def test_the_archive_limits_the_imports_being_read_at_once(queue, client_for, settings):
    settings.IMPORTS_ACTIVE_PER_SITE = 3
    for n in range(3):
        assert upload(client_for(make_user(f"importer{n}")), b"<p>A story.</p>").status_code == 302
    refused = upload(client_for(make_user("latecomer")), b"<p>A story.</p>")
    assert "reading many imports right now" in refused.content.decode()
    assert PendingImport.objects.count() == 3


def test_a_discarded_import_is_not_read(queue, author, client_for):
    client = client_for(author)
    pending_url = upload(client, b"<p>A story.</p>")["Location"]
    pending = PendingImport.objects.get()
    client.post(reverse("import_discard", kwargs={"pending_id": pending.pk}))
    run_the_worker()
    assert not PendingImport.objects.exists()
    assert client.get(pending_url).status_code == 404


def test_the_child_process_reads_a_document_and_refuses_one_over_its_memory_limit(settings):
    settings.IMPORT_CHILD_PROCESS = True
    parsed = read_document(HEADER_FIC, fmt="txt")
    assert parsed["title"] == "The Lantern Keeper"
    settings.IMPORT_MEMORY_MB = 40  # less than reading needs at all
    with pytest.raises(ImportRefused, match=TOO_BIG):
        read_document(HEADER_FIC, fmt="txt")
