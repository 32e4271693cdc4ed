import io

import pytest

from ficarchive.imports.models import PendingImport
from ficarchive.works.models import Work

from .samples import HEADER_FIC

pytestmark = pytest.mark.django_db


def start(client, follow=False, **data):
    return client.post("/works/import", {"format": "auto", **data}, follow=follow)


def test_a_pasted_fic_comes_back_as_a_filled_posting_form_with_its_evidence(author, client_for):
    client = client_for(author)
    response = start(client, text=HEADER_FIC, follow=True)
    page = response.content.decode()
    form = response.context["form"]
    assert form.initial["title"] == "The Lantern Keeper"
    assert form.initial["rating"] == "Teen And Up Audiences"
    assert "Harry Potter" in form.initial["fandoms"]
    assert form.initial["chapters_expected"] == 2
    # each inferred value shows the words it came from
    rating_evidence = page.split('data-field="rating">', 1)[1].split("</div>", 1)[0]
    assert "<mark>T</mark>" in rating_evidence and "Rating: T" in rating_evidence
    assert "Lights Out" in page and "Morning" in page
    assert not Work.objects.exists()  # nothing is a work until the author confirms


def test_confirming_creates_one_draft_with_every_chapter(author, client_for):
    client = client_for(author)
    confirm_url = start(client, text=HEADER_FIC)["Location"]
    form = client.get(confirm_url).context["form"]
    data = {k: v for k, v in form.initial.items() if v not in (None, "")}
    response = client.post(confirm_url, data)
    work = Work.objects.get()
    assert response["Location"] == f"/works/{work.pk}"
    assert not work.posted
    assert work.title == "The Lantern Keeper"
    assert work.rating.name == "Teen And Up Audiences"
    assert [c.title for c in work.chapters.all()] == ["Lights Out", "Morning"]
    assert "lanterns" in work.chapters.first().body
    assert not PendingImport.objects.exists()


def test_the_author_corrects_a_value_before_saving(author, client_for):
    client = client_for(author)
    confirm_url = start(client, text=HEADER_FIC)["Location"]
    form = client.get(confirm_url).context["form"]
    data = {k: v for k, v in form.initial.items() if v not in (None, "")}
    client.post(confirm_url, {**data, "title": "Lanterns", "rating": "General Audiences"})
    work = Work.objects.get()
    assert (work.title, work.rating.name) == ("Lanterns", "General Audiences")


def test_a_confirm_with_bad_input_explains_and_saves_nothing(author, client_for):
    client = client_for(author)
    confirm_url = start(client, text=HEADER_FIC)["Location"]
    form = client.get(confirm_url).context["form"]
    data = {k: v for k, v in form.initial.items() if v not in (None, "")}
    response = client.post(confirm_url, {**data, "fandoms": ""})
    assert "fandoms" in response.context["form"].errors
    assert "Nothing has been saved" in response.content.decode()
    assert not Work.objects.exists()
    assert PendingImport.objects.count() == 1


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (b"PK\x03\x04 not really a zip at all", "We can"),
        (bytes(range(256)) * 40, "We can"),
    ],
)
def test_a_hostile_or_broken_file_is_refused_with_a_clear_message(
    author, client_for, upload, message
):
    client = client_for(author)
    file = io.BytesIO(upload)
    file.name = "story.epub"
    response = client.post("/works/import", {"format": "auto", "file": file}, follow=True)
    assert response.status_code == 200
    assert "We can't import" in response.content.decode()
    pending = PendingImport.objects.get()
    assert pending.status == PendingImport.REFUSED and pending.document is None
    assert not Work.objects.exists()


def test_a_file_over_the_limit_is_refused_before_it_is_read(author, client_for, settings):
    settings.IMPORT_MAX_BYTES = 1024
    file = io.BytesIO(b"word " * 1000)
    file.name = "long.txt"
    response = client_for(author).post("/works/import", {"format": "auto", "file": file})
    assert "larger than" in response.content.decode()
    assert not PendingImport.objects.exists()


def test_nothing_given_is_a_clear_error(author, client_for):
    response = client_for(author).post("/works/import", {"format": "auto"})
    assert "Paste your fic or choose a file" in response.content.decode()


def test_another_user_cannot_see_or_confirm_your_import(author, reader, client_for):
    confirm_url = start(client_for(author), text=HEADER_FIC)["Location"]
    other = client_for(reader)
    assert other.get(confirm_url).status_code == 404
    assert other.post(confirm_url, {"title": "stolen"}).status_code == 404
    assert not Work.objects.exists()


def test_guests_are_sent_to_log_in(client):
    response = client.get("/works/import")
    assert response.status_code == 302 and "/login" in response["Location"]


def test_a_fic_that_says_it_goes_on_leaves_chapters_planned_empty(author, client_for):
    text = (
        "A/N: This is just the prologue, the rest is coming soon!\n\n"
        "The lighthouse keeper climbed the stairs at dusk, as she had every night for forty "
        "years, and lit the lamp.\n\nThe ships saw it and turned for home."
    )
    form = start(client_for(author), text=text, follow=True).context["form"]
    assert form.initial["chapters_expected"] is None  # shown as "?" once posted


def test_the_confirm_page_unfolds_each_whole_chapter_without_its_headers_or_notes(
    author, client_for
):
    client = client_for(author)
    page = client.get(start(client, text=HEADER_FIC)["Location"]).content.decode()
    previews = page.split('<details class="chapter-preview">')[1:]
    assert len(previews) == 2
    first, second = previews[0].split("</details>")[0], previews[1].split("</details>")[0]
    # the last paragraph of each chapter is there, not only its opening line
    assert "that was the kind of night it was" in first and "and failed." in second
    assert "Title:" not in first and "Reviews make my day" not in second
    assert "Morning" not in first
