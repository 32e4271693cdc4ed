import io
import zipfile

import pytest

from ficarchive.works.models import Chapter

HOSTILE = (
    '<p onclick="steal()">Hello<script>alert("x")</script></p>'
    '<img src="x" onerror="alert(1)"><a href="javascript:alert(2)">link</a>'
    "<style>body{display:none}</style><iframe src='https://evil.example'></iframe>"
)


@pytest.fixture
def hostile_work(author, make_work):
    work = make_work(author, body=HOSTILE, summary=HOSTILE, notes=HOSTILE)
    # As if the HTML had reached the database without passing the sanitizer.
    Chapter.objects.filter(work=work).update(body=HOSTILE, notes=HOSTILE)
    return work


def all_text(ext: str, data: bytes) -> str:
    if ext == "epub":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())
    return data.decode("utf-8", "replace")


@pytest.mark.parametrize("ext", ["epub", "html", "txt"])
def test_hostile_html_never_reaches_a_file_as_script(client, hostile_work, fetch, ext):
    response, data = fetch(client, hostile_work, ext)
    assert response.status_code == 200
    text = all_text(ext, data).lower()
    for bad in ["<script", "onclick", "onerror", "javascript:", "<iframe", "<style>body{"]:
        assert bad not in text
    assert "hello" in text


def test_hostile_html_still_makes_a_pdf(client, hostile_work, fetch):
    response, data = fetch(client, hostile_work, "pdf")
    assert response.status_code == 200
    assert data.startswith(b"%PDF-")
    assert b"JavaScript" not in data and b"/JS" not in data
