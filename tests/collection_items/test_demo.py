import pytest
from django.core.management import call_command

from ficarchive.collections.demo import GIFT_TITLE, load_collections_demo
from ficarchive.collections.models import Collection
from ficarchive.works.models import Work

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_open_collection_and_an_unrevealed_anonymous_exchange(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))
    assert load_collections_demo() == 0
    fest, exchange = (
        Collection.objects.get(name="lantern_fest"),
        Collection.objects.get(name="midwinter_exchange"),
    )
    assert not (fest.closed or fest.moderated or fest.anonymous or fest.unrevealed)
    assert exchange.anonymous and exchange.unrevealed and exchange.reveal_at
    assert (
        client.get("/collections/lantern_fest/works").content.decode().count('class="work blurb')
        == 2
    )
    gift = Work.objects.get(title=GIFT_TITLE)
    assert gift.unrevealed and gift.anonymous
    assert GIFT_TITLE not in client.get("/collections/midwinter_exchange/works").content.decode()
    assert client.get(f"/works/{gift.pk}").status_code == 404
