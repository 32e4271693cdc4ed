"""Related works: the child always names its source; the parent shows it once approved; a
parent the reader may not read is never revealed."""

import pytest

from ficarchive.feedback.models import Notification
from ficarchive.works.models import RelatedWork
from ficarchive.works.related import add_source, answer_link
from ficarchive.works.services import set_hidden_by_admin

pytestmark = pytest.mark.django_db


def test_a_translation_shows_on_its_parent_only_when_approved(
    author, reader, make_work, client, client_for
):
    parent = make_work(author, "Original Tale")
    child = make_work(reader, "Translated Tale")
    link = add_source(child, reader, url=f"/works/{parent.pk}", kind=RelatedWork.TRANSLATION)
    assert "Translation of <a href" in client.get(f"/works/{child.pk}").content.decode()
    assert Notification.objects.filter(user=author, kind=Notification.NOTICE).exists()
    assert "Translated Tale" not in client.get(f"/works/{parent.pk}/related_works").content.decode()
    with pytest.raises(ValueError, match="creators of the parent"):
        answer_link(link, reader, True)
    client_for(author).post(f"/works/{parent.pk}/related_works", {"link": link.pk,
                                                                  "action": "approve"})  # fmt: skip
    assert "Translated Tale" in client.get(f"/works/{parent.pk}/related_works").content.decode()


def test_a_source_elsewhere_is_named_by_its_address(author, make_work, client):
    child = make_work(author, "Remix")
    add_source(child, author, url="https://example.org/story", kind=RelatedWork.REMIX,
               title="The Story", creator="Someone")  # fmt: skip
    page = client.get(f"/works/{child.pk}").content.decode()
    assert (
        'Remix of <a href="https://example.org/story" rel="nofollow">The Story</a> by Someone'
        in page
    )
    with pytest.raises(ValueError, match="address"):
        add_source(child, author, url="javascript:alert(1)")


def test_a_parent_hidden_from_the_reader_is_never_revealed(
    author, reader, coauthor, make_work, client
):
    parent = make_work(author, "Locked Original", restricted=True)
    child = make_work(reader, "Open Child")
    add_source(child, reader, url=f"/works/{parent.pk}")
    page = client.get(f"/works/{child.pk}").content.decode()
    assert "Locked Original" not in page and "a work that isn't open to you" in page
    set_hidden_by_admin(make_work(author, "Hidden"), True)
    with pytest.raises(ValueError, match="no work you can read"):
        add_source(make_work(coauthor, "Other"), coauthor, url="/works/999999")
    assert RelatedWork.objects.count() == 1
