import pytest

from ficarchive.tags.models import TagType
from ficarchive.works.models import Chapter, Work

from .conftest import work_form

pytestmark = pytest.mark.django_db


def post(client, user, **overrides):
    return client.post("/works/new", work_form(pseuds=[user.default_pseud.pk], **overrides))


def test_an_author_posts_a_work_and_reads_it_back(author, client_for, client):
    response = post(client_for(author), author)
    work = Work.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/works/{work.pk}"
    page = client.get(f"/works/{work.pk}").content.decode()
    assert "The lamplighter&#x27;s daughter" in page
    assert "<p>The first lamp caught.</p>" in page and "<p>Then the second.</p>" in page
    assert "Written for a rainy week." in page and "Thank you for reading." in page
    assert work.chapters_display == "1/2" and not work.complete
    assert work.word_count == 7
    names = {t.type: [] for t in work.tags.all()}
    for tag in work.tags.all():
        names[tag.type].append(tag.name)
    assert names[TagType.CHARACTER] == ["Mara", "The Lamplighter"]
    assert names[TagType.FREEFORM] == ["Found Family", "Rain"]
    assert names[TagType.RATING] == ["Teen And Up Audiences"]


def test_the_new_work_form_offers_tag_inputs_for_autocomplete(author, client_for):
    page = client_for(author).get("/works/new").content.decode()
    for tag_type in ("fandom", "relationship", "character", "freeform"):
        assert f'data-tag-type="{tag_type}"' in page
    assert "js/tag-autocomplete.js" in page


def test_a_guest_is_sent_to_log_in_before_posting(client):
    response = client.get("/works/new")
    assert response.status_code == 302 and "/login" in response["Location"]


def test_a_draft_is_saved_unposted_and_posted_later(author, client_for, client):
    author_client = client_for(author)
    post(author_client, author, action="draft")
    work = Work.objects.get()
    assert not work.posted and not work.chapters.get().posted
    assert client.get(f"/works/{work.pk}").status_code == 404
    assert "This work is a draft" in author_client.get(f"/works/{work.pk}").content.decode()
    author_client.post(f"/works/{work.pk}/post")
    work.refresh_from_db()
    assert work.posted and work.chapters.get().posted
    assert client.get(f"/works/{work.pk}").status_code == 200


def test_a_preview_shows_the_cleaned_work_and_saves_nothing(author, client_for):
    response = post(client_for(author), author, action="preview",
                    **{"chapter-body": "Hello <b>there</b><script>alert(1)</script>"})  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200
    assert "Preview" in page and "Hello <b>there</b>" in page
    assert "<script>alert(1)" not in page
    assert not Work.objects.exists()


def test_a_co_creator_named_by_username_is_invited(author, coauthor, client_for):
    post(client_for(author), author, co_creators="coauthor")
    work = Work.objects.get()
    assert [c.pseud.user.username for c in work.creatorships.all()] == ["author"]
    assert [i.pseud.user.username for i in work.invitations.all()] == ["coauthor"]


def test_an_unknown_co_creator_is_refused_and_nothing_is_saved(author, client_for):
    response = post(client_for(author), author, co_creators="nobody-here")
    assert response.status_code == 200
    assert "couldn&#x27;t find these creators: nobody-here" in response.content.decode()
    assert not Work.objects.exists()


def test_a_new_series_is_begun_from_the_form(author, client_for, client):
    post(client_for(author), author, new_series_title="Lamplight")
    work = Work.objects.get()
    series = work.series.get()
    assert series.title == "Lamplight" and series.owner == author
    page = client.get(f"/works/{work.pk}").content.decode()
    assert f'Part 1 of <a href="/series/{series.pk}">Lamplight</a>' in page


def test_a_backdated_work_keeps_its_date(author, client_for):
    post(client_for(author), author, published_on="2015-03-04")
    work = Work.objects.get()
    assert str(work.published_on) == "2015-03-04"
    assert str(Chapter.objects.get().published_on) == "2015-03-04"
    assert work.updated_at.year == 2015
