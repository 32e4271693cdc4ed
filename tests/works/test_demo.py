import pytest
from django.core.management import call_command

from ficarchive.feedback.models import Bookmark, Comment, Kudos
from ficarchive.tags.fixed import CATEGORIES, RATINGS, WARNINGS
from ficarchive.tags.models import Tag
from ficarchive.works.demo import DEMO_AUTHORS, load_demo
from ficarchive.works.models import Series, Work

pytestmark = pytest.mark.django_db


def names(works, tag_type: str) -> set[str]:
    return {t.name for w in works for t in w.tags.all() if t.type == tag_type}


def test_the_demo_shows_the_archive_off_and_loading_it_twice_adds_nothing(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert load_demo() == 0
    assert Comment.objects.count() and Kudos.objects.count() and Bookmark.objects.count()
    counts = (Work.objects.count(), Comment.objects.count(), Kudos.objects.count())
    load_demo()
    assert (Work.objects.count(), Comment.objects.count(), Kudos.objects.count()) == counts

    works = list(Work.objects.prefetch_related("tags", "creatorships__pseud__user"))
    assert len(works) >= 40
    assert len({c.pseud.user_id for w in works for c in w.creatorships.all()}) >= 12 - 1
    assert len(DEMO_AUTHORS) >= 12
    assert len(names(works, "fandom") - {"Original Work"}) >= 8 and "Original Work" in names(
        works, "fandom"
    )
    assert set(RATINGS) <= names(works, "rating") | {w.rating.name for w in works}
    assert set(WARNINGS) - {"Underage Sex"} <= names(works, "warning")
    assert set(CATEGORIES) <= names(works, "category")
    assert {w.language for w in works} >= {"en", "fr", "es", "de"}
    assert any(w.chapters.count() >= 3 for w in works)
    assert any(not w.complete for w in works if w.posted)  # a work in progress
    assert any(w.creatorships.count() == 2 for w in works)
    assert sum(w.restricted for w in works) >= 2
    assert sum(not w.posted for w in works) >= 1
    assert Series.objects.filter(parts__isnull=False).distinct().count() >= 2
    assert Comment.objects.filter(parent__isnull=False).exists()  # replies
    assert Bookmark.objects.exclude(notes="").exists()
    assert Tag.objects.filter(synonym_of__isnull=False).count() >= 4  # merged spellings
    page = client.get("/").content.decode()
    assert "The Clockmaker" not in page  # the draft


def test_the_demos_fandoms_are_on_the_fandom_index(client):
    load_demo()
    page = client.get("/tags").content.decode()
    for fandom in ("Pride and Prejudice - Jane Austen", "The Odyssey - Homer", "Original Work"):
        assert f">{fandom}</a>" in page
    assert "Les Mis</a>" not in page  # a synonym, merged into Les Misérables - Victor Hugo
    books = page.split("<h3>Books &amp; Literature</h3>", 1)[1].split("</section>", 1)[0]
    assert ">Pride and Prejudice - Jane Austen</a>" in books and ">The Odyssey - Homer</a>" in books
    assert "Uncategorized Fandoms" not in page  # every demo fandom is sorted into its medium
