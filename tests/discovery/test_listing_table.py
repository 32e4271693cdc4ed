"""The PostgreSQL listing table (discovery_worklisting) and word table (discovery_workword) stay
exactly what their sources say, and the listing's visibility rule gives the works visible_to
gives. On SQLite there is no such table: the
listing pages read works_work, and only the page-level tests run."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from ficarchive.discovery.listing_rows import visible_rows
from ficarchive.discovery.listing_table import COPIED
from ficarchive.feedback.services.kudos import leave_kudos
from ficarchive.tags.filtering import refresh_work_filter_tags
from ficarchive.tags.models import TagParent
from ficarchive.works.models import Work
from ficarchive.works.services import delete_work, set_hidden_by_admin, update_work

from .helpers import make_canonical, make_parent, post, tag, titles

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the listing table exists on PostgreSQL only"
)


def listing_rows_differing_from_their_sources() -> list:
    """Rows of discovery_worklisting that differ from what works_work, works_workfiltertag and
    discovery_worksearch hold now, and works with no row (or rows with no work)."""
    columns = ", ".join(COPIED)
    with connection.cursor() as cursor:
        cursor.execute(f"""
            SELECT work_id, {columns}, fandom_count, tags FROM (
                SELECT work_id, {columns}, fandom_count,
                       ARRAY(SELECT unnest(filter_tag_ids) ORDER BY 1) AS tags
                FROM discovery_worklisting
            ) kept
            FULL JOIN (
                SELECT w.id AS work_id, {", ".join(f"w.{c}" for c in COPIED)}, s.fandom_count,
                       ARRAY(SELECT f.tag_id::integer FROM works_workfiltertag f
                             WHERE f.work_id = w.id ORDER BY 1) AS tags
                FROM works_work w LEFT JOIN discovery_worksearch s ON s.work_id = w.id
            ) source USING (work_id, {columns}, fandom_count, tags)
            WHERE kept.work_id IS NULL OR source.work_id IS NULL
        """)  # noqa: S608
        return cursor.fetchall()


@postgres_only
def test_the_listing_table_follows_posting_kudos_hiding_wrangling_and_deletion(author, reader):
    first = post(author, "First", freeforms=["Angst"])
    second = post(author, "Second", freeforms=["Fluff"], rating="Explicit")
    assert listing_rows_differing_from_their_sources() == []
    leave_kudos(first, user=reader)
    set_hidden_by_admin(second, True)
    assert listing_rows_differing_from_their_sources() == []
    make_canonical("Angst", "Fluff")
    make_parent("Fluff", "Angst")
    assert tag("Fluff").pk in _listing_tags(first)
    update_work(
        first, pseuds=[author.default_pseud], title="First, again", rating="Mature",
        fandoms=["Original Work"], freeforms=["Fluff"],
    )  # fmt: skip
    assert listing_rows_differing_from_their_sources() == []
    delete_work(second)
    assert listing_rows_differing_from_their_sources() == []


def word_rows_differing_from_their_sources() -> list:
    """Rows of discovery_workword that differ from the words of the search vectors and the
    filter tags of posted, unhidden works with their date and restriction, or the reverse."""
    expected = """SELECT word, w.updated_at, w.id AS work_id, w.restricted
        FROM works_work w
        JOIN discovery_worksearch s ON s.work_id = w.id,
        unnest(tsvector_to_array(s.vector)) word
        WHERE w.posted AND NOT w.hidden_by_admin
        UNION ALL
        SELECT '#' || f.tag_id, w.updated_at, w.id, w.restricted
        FROM works_work w JOIN works_workfiltertag f ON f.work_id = w.id
        WHERE w.posted AND NOT w.hidden_by_admin"""
    kept = "SELECT word, updated_at, work_id, restricted FROM discovery_workword"
    with connection.cursor() as cursor:
        cursor.execute(
            f"({kept} EXCEPT ALL SELECT * FROM ({expected}) e)"  # noqa: S608
            f" UNION ALL (SELECT * FROM ({expected}) e EXCEPT ALL {kept})"
        )
        return cursor.fetchall()


def _words_of(work: Work) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT word FROM discovery_workword WHERE work_id = %s", [work.pk])
        return {word for (word,) in cursor.fetchall()}


@postgres_only
def test_the_word_table_follows_the_search_rows_tags_dates_and_visibility(author):
    first = post(author, "Snow and silence", freeforms=["Angst"])
    second = post(author, "Summer lights", freeforms=["Fluff"])
    draft = post(author, "Unseen draft", draft=True)
    assert word_rows_differing_from_their_sources() == []
    assert "snow" in _words_of(first) and _words_of(draft) == set()
    assert f"#{tag('Angst').pk}" not in _words_of(first)  # not canonical: no filter tag
    make_canonical("Angst")
    assert f"#{tag('Angst').pk}" in _words_of(first)
    make_canonical("Fluff")
    # Filter tags that change without the search document (as recount_tags does): the tag's
    # own rows follow.
    TagParent.objects.create(parent=tag("Fluff"), child=tag("Angst"))
    refresh_work_filter_tags([first.pk])
    assert f"#{tag('Fluff').pk}" in _words_of(first)
    assert word_rows_differing_from_their_sources() == []
    update_work(
        first, pseuds=[author.default_pseud], title="Winter lights", rating="Mature",
        fandoms=["Original Work"], restricted=True,
    )  # fmt: skip
    assert "winter" in _words_of(first) and "snow" not in _words_of(first)
    set_hidden_by_admin(second, True)
    assert _words_of(second) == set()
    assert word_rows_differing_from_their_sources() == []
    set_hidden_by_admin(second, False)
    Work.objects.filter(pk=first.pk).update(updated_at=first.updated_at + timedelta(days=1))
    delete_work(draft)
    assert word_rows_differing_from_their_sources() == []


def _listing_tags(work: Work) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT filter_tag_ids FROM discovery_worklisting WHERE work_id = %s", [work.pk]
        )
        return cursor.fetchone()[0]


@postgres_only
def test_listing_rows_are_the_works_visible_to_each_kind_of_reader(author, reader, admin_user):
    post(author, "Public")
    post(author, "Restricted", restricted=True)
    hidden = post(author, "Hidden")
    set_hidden_by_admin(hidden, True)
    for user in [AnonymousUser(), reader]:
        shown = set(visible_rows(user).values_list("pk", flat=True))
        assert shown == set(Work.objects.visible_to(user).values_list("pk", flat=True))


@postgres_only
def test_staff_and_a_creator_with_a_hidden_work_keep_the_works_table_path(author, admin_user):
    hidden = post(author, "Hidden")
    set_hidden_by_admin(hidden, True)
    assert visible_rows(author) is None
    assert visible_rows(admin_user) is None


def test_an_admin_sees_hidden_works_in_the_listing_and_guests_do_not(
    client, client_for, author, admin_user
):
    post(author, "Public")
    set_hidden_by_admin(post(author, "Hidden"), True)
    assert titles(client_for(admin_user).get("/works", {"sort": "title"})) == ["Hidden", "Public"]
    assert titles(client.get("/works")) == ["Public"]


def test_a_creator_sees_their_own_draft_beside_the_public_works_in_the_listing(
    client_for, author, reader
):
    post(reader, "Someone else's")
    post(author, "My draft", draft=True)
    response = client_for(author).get("/works", {"sort": "title"})
    assert titles(response) == ["My draft", "Someone else's"]


@postgres_only
def test_truncating_the_works_empties_the_listing_and_word_tables(author):
    post(author, "Soon gone")
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending checks from the post
        cursor.execute("TRUNCATE works_work, discovery_worksearch CASCADE")
        cursor.execute(
            "SELECT (SELECT count(*) FROM discovery_worklisting), "
            "(SELECT count(*) FROM discovery_workword)"
        )
        assert cursor.fetchone() == (0, 0)
