import multiprocessing
import os
import time

from ficarchive.exports.services import downloads_dir


def built_files(ext: str) -> list:
    return sorted(downloads_dir().glob(f"*/*.{ext}"))


def test_a_second_download_is_served_from_the_file_built_the_first_time(client, work, fetch):
    _, first = fetch(client, work, "epub")
    [path] = built_files("epub")
    built_at = path.stat().st_mtime_ns
    _, second = fetch(client, work, "epub")
    assert second == first
    assert built_files("epub") == [path]
    assert path.stat().st_mtime_ns == built_at


def test_editing_a_chapter_makes_the_next_download_new(client, work, fetch):
    _, before = fetch(client, work, "txt")
    chapter = work.chapters.get(position=2)
    chapter.body = "<p>Morning came, rewritten.</p>"
    chapter.save()
    _, after = fetch(client, work, "txt")
    assert "Morning came, rewritten." in after.decode()
    assert "Morning came at last." in before.decode()


def test_changing_the_work_title_makes_the_next_download_new(client, work, fetch):
    fetch(client, work, "html")
    work.title = "Moonset"
    work.save(update_fields=["title"])
    _, after = fetch(client, work, "html")
    assert b"<h1>Moonset</h1>" in after


def test_old_versions_of_a_file_are_cleared_away(client, work, fetch):
    for n in range(6):
        work.title = f"Version {n}"
        work.save(update_fields=["title"])
        fetch(client, work, "txt")
    assert len(built_files("txt")) <= 3


def test_deleting_a_work_removes_its_files(client, work, fetch, django_capture_on_commit_callbacks):
    fetch(client, work, "epub")
    fetch(client, work, "txt")
    folder = downloads_dir() / str(work.pk)
    assert folder.is_dir()
    with django_capture_on_commit_callbacks(execute=True):
        work.delete()
    assert not folder.exists()


def test_building_many_files_quickly_is_limited_but_built_files_are_still_served(
    client, author, make_work, fetch, monkeypatch
):
    from ficarchive.exports import views

    monkeypatch.setattr(views, "BUILDS_PER_WINDOW", 2)
    works = [make_work(author, title=f"Work {n}") for n in range(3)]
    assert fetch(client, works[0], "txt")[0].status_code == 200
    assert fetch(client, works[1], "txt")[0].status_code == 200
    refused, body = fetch(client, works[2], "txt")
    assert refused.status_code == 429
    assert b"try again in a few minutes" in body
    assert fetch(client, works[0], "txt")[0].status_code == 200


def _build_in_a_process(path: str, log: str, start: float) -> None:
    """Another app server sharing the downloads folder: it builds the same file at `start`."""
    import time
    from pathlib import Path

    from ficarchive.exports.services import write_once

    def make() -> bytes:
        with open(log, "a") as out:
            out.write(f"{os.getpid()}\n")
        time.sleep(0.5)  # a slow build: the other process asks meanwhile
        return f"built by {os.getpid()}".encode()

    time.sleep(max(0.0, start - time.time()))
    write_once(Path(path), make)


def test_servers_sharing_the_folder_build_a_file_once_and_serve_the_same_bytes(tmp_path):
    path, log = tmp_path / "7" / "abc.epub", tmp_path / "builds.log"
    start = time.time() + 0.5
    context = multiprocessing.get_context("fork")
    servers = [
        context.Process(target=_build_in_a_process, args=(str(path), str(log), start))
        for _ in range(3)
    ]
    for server in servers:
        server.start()
    for server in servers:
        server.join(timeout=60)
        assert server.exitcode == 0
    builders = log.read_text().split()
    assert len(builders) == 1
    assert path.read_bytes() == f"built by {builders[0]}".encode()
