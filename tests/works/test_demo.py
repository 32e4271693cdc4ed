import pytest
from django.core.management import call_command

from ficarchive.works.demo import load_demo
from ficarchive.works.models import Series, Work

pytestmark = pytest.mark.django_db


def test_the_demo_has_varied_works_and_loading_it_twice_adds_nothing(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert load_demo() == 0
    works = Work.objects.exclude(collection_items__collection__name="midwinter_exchange")
    assert works.count() == 5
    assert works.filter(posted=False).count() == 1
    assert works.filter(restricted=True).count() == 1
    assert any(w.chapters.count() >= 3 for w in works)
    assert any(w.creatorships.count() == 2 for w in works)
    assert Series.objects.get().parts.count() == 2
    fandoms = {t.name for w in works for t in w.tags.all() if t.type == "fandom"}
    assert len(fandoms) >= 3
    page = client.get("/").content.decode()
    assert "The Fog Ledger" in page and "The Clockmaker" not in page
