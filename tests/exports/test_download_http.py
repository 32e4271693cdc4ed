"""Downloads as HTTP clients (browsers, e-reader apps syncing a shelf, download managers) use
them: an ETag and Last-Modified, 304 to a client that has the file already and a new file
after the work changes, and HEAD with the headers of GET and no body."""

from __future__ import annotations

import pytest

from .conftest import download_url


@pytest.mark.parametrize("ext", ["epub", "html", "txt", "pdf"])
def test_a_client_that_has_the_file_is_told_304_until_the_work_changes(client, work, fetch,
                                                                       ext):  # fmt: skip
    first, body = fetch(client, work, ext)
    assert first.status_code == 200 and body
    etag, modified = first["ETag"], first["Last-Modified"]
    again = client.get(download_url(work, ext), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag
    since = client.get(download_url(work, ext), HTTP_IF_MODIFIED_SINCE=modified)
    assert since.status_code == 304
    work.title = "A new title"
    work.save()
    changed = client.get(download_url(work, ext), HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag


def test_head_gives_the_headers_of_the_file_and_no_body(client, work, fetch):
    got, body = fetch(client, work, "epub")
    head = client.head(download_url(work, "epub"))
    assert head.status_code == 200
    assert b"".join(head.streaming_content) == b""
    for header in ["Content-Type", "Content-Disposition", "ETag", "Content-Length"]:
        assert head[header] == got[header], header
    assert int(head["Content-Length"]) == len(body)
