import pytest

FORMATS = ["epub", "html", "txt", "pdf"]


@pytest.mark.parametrize("ext", FORMATS)
def test_a_guest_cannot_download_a_restricted_work(client, author, make_work, fetch, ext):
    work = make_work(author, restricted=True)
    response, _ = fetch(client, work, ext)
    assert response.status_code == 404


def test_a_signed_in_reader_can_download_a_restricted_work(
    client_for, reader, author, make_work, fetch
):
    work = make_work(author, restricted=True)
    response, data = fetch(client_for(reader), work, "txt")
    assert response.status_code == 200
    assert "The sky went dark" in data.decode()


@pytest.mark.parametrize("ext", FORMATS)
def test_nobody_but_its_creator_can_download_a_draft(
    client, client_for, reader, author, make_work, fetch, ext
):
    work = make_work(author, draft=True)
    assert fetch(client, work, ext)[0].status_code == 404
    assert fetch(client_for(reader), work, ext)[0].status_code == 404


def test_the_creator_can_download_their_own_draft(client_for, author, make_work, fetch):
    work = make_work(author, draft=True)
    response, data = fetch(client_for(author), work, "txt")
    assert response.status_code == 200
    assert "The sky went dark" in data.decode()


def test_a_work_hidden_by_an_admin_cannot_be_downloaded_by_readers(client_for, reader, work, fetch):
    work.hidden_by_admin = True
    work.save(update_fields=["hidden_by_admin"])
    assert fetch(client_for(reader), work, "epub")[0].status_code == 404


def test_readers_get_only_posted_chapters_and_the_creator_gets_all(
    client, client_for, author, work, add_chapter, fetch
):
    add_chapter(work, body="<p>Not ready yet.</p>", title="Noon", draft=True)
    _, for_reader = fetch(client, work, "txt")
    _, for_creator = fetch(client_for(author), work, "txt")
    assert "Not ready yet." not in for_reader.decode()
    assert "Not ready yet." in for_creator.decode()
    assert "Chapter 2: Dawn" in for_reader.decode()


def test_a_work_that_does_not_exist_is_not_found(client, fetch, work):
    work.pk = work.pk + 1000
    assert fetch(client, work, "html")[0].status_code == 404
