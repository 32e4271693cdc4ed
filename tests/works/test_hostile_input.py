"""Hostile HTML in every field a creator writes is neutralised before anyone reads it."""

from html.parser import HTMLParser

import pytest

from ficarchive.works.models import Work

from .conftest import work_form

pytestmark = pytest.mark.django_db

ATTACK = (
    '<script>alert("x")</script><img src=x onerror="alert(1)"><a href="javascript:alert(2)">l</a>'
)


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found, self.in_script, self.scripts = [], False, []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))
        self.in_script = tag == "script"

    def handle_data(self, data):
        if self.in_script:
            self.scripts.append(data)


def assert_harmless(page: str):
    """No script, event handler or javascript: link survives as markup (escaped text is fine)."""
    parser = Elements()
    parser.feed(page)
    for tag, attrs in parser.found:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        assert not (attrs.get("href") or "").startswith("javascript:"), (tag, attrs)
    assert not any("alert" in script for script in parser.scripts)


def test_hostile_html_in_every_field_is_neutralised(author, client_for, client):
    fields = {name: f"{name} {ATTACK}" for name in ("title", "summary", "notes", "end_notes",
                                                      "chapter-title",
                                                      "chapter-summary", "chapter-notes",
                                                      "chapter-end_notes", "chapter-body")}  # fmt: skip
    fields["chapter-label"] = "<script>alert(3)</script>"
    fields.update({name: f"{name} {ATTACK}" for name in ("fandoms", "relationships", "characters",
                                                           "freeforms")})  # fmt: skip
    response = client_for(author).post(
        "/works/new", work_form(pseuds=[author.default_pseud.pk], **fields)
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    work = Work.objects.get()
    for url in (f"/works/{work.pk}", f"/works/{work.pk}/navigate", "/", "/users/author",
                f"/works/{work.pk}/chapters/{work.chapters.get().pk}"):  # fmt: skip
        page = client.get(url).content.decode()
        assert_harmless(page)
    page = client.get(f"/works/{work.pk}").content.decode()
    assert "&lt;script&gt;" in page  # the title and tags are shown as text, escaped
    assert "chapter-body" in page and "summary" in page
    assert_harmless(client_for(author).get("/dashboard").content.decode())
    assert_harmless(client_for(author).get(f"/works/{work.pk}/edit").content.decode())


def test_a_hostile_preview_is_neutralised(author, client_for):
    response = client_for(author).post(
        "/works/new",
        work_form(pseuds=[author.default_pseud.pk], action="preview", summary=ATTACK,
                  **{"chapter-body": "Text " + ATTACK}),
    )  # fmt: skip
    assert_harmless(response.content.decode())
