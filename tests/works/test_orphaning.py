"""Orphaning one work, a series or everything: to orphan_account or keeping the pseud's name;
confirmed; co-creators keep their credit."""

import pytest

from ficarchive.works.models import Creatorship, Work
from ficarchive.works.orphaning import orphan_everything, orphan_series, orphan_works
from ficarchive.works.series import place_in_series

pytestmark = pytest.mark.django_db


def _names(work):
    return sorted(c.pseud.byline for c in Creatorship.objects.filter(work=work))


def test_an_orphaned_work_moves_to_orphan_account_and_keeps_its_co_creator(
    author, coauthor, make_work
):
    work = make_work(author, co=coauthor)
    orphan_works(author, [work])
    assert _names(work) == ["coauthor", "orphan_account"]
    assert not Work.objects.by_user(author).exists()


def test_keeping_the_pseud_name_leaves_no_link_to_the_account(author, make_work):
    work = make_work(author)
    orphan_works(author, [work], keep_name=True)
    pseud = Creatorship.objects.get(work=work).pseud
    assert pseud.name == "author" and pseud.user.username == "orphan_account"


def test_only_ones_own_works_are_orphaned(author, reader, make_work):
    work = make_work(author)
    with pytest.raises(ValueError, match="only your own"):
        orphan_works(reader, [work])
    assert _names(work) == ["author"]


def test_a_series_and_everything(author, make_work):
    one, two, three = make_work(author, "One"), make_work(author, "Two"), make_work(author, "3")
    series = place_in_series(one, author, new_title="Saga")
    place_in_series(two, author, series=series)
    assert orphan_series(author, series) == 2
    series.refresh_from_db()
    assert series.owner.username == "orphan_account"
    assert orphan_everything(author) == 1 and _names(three) == ["orphan_account"]


def test_the_page_asks_for_confirmation(author, make_work, client_for):
    work = make_work(author)
    c = client_for(author)
    assert "can't be undone" in c.get(f"/works/{work.pk}/orphan").content.decode()
    c.post(f"/works/{work.pk}/orphan", {"pseud": "orphan"})
    assert _names(work) == ["author"]
    c.post(f"/works/{work.pk}/orphan", {"pseud": "orphan", "confirm": "yes"})
    assert _names(work) == ["orphan_account"]
    assert c.get(f"/works/{work.pk}/edit").status_code == 403
