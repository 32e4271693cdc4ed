"""Muted tags and creators leave every listing, search, feed and facet count."""

import pytest

from ficarchive.accounts.models import Mute
from ficarchive.discovery import tagsets
from ficarchive.discovery.blocklist import GUEST_COOKIE, GUEST_COOKIE_SALT
from ficarchive.discovery.models import MutedTag

from .helpers import make_canonical, make_parent, make_synonym, post, tag, titles


def facet_names(response) -> set[str]:
    return {f.tag.name for group in response.context["facets"] for f in group.facets}


def test_a_muted_tag_hides_its_works_its_synonyms_and_its_children_everywhere(
    client_for, author, reader
):
    post(author, "Angst", freeforms=["Angst"], summary="sad story")
    post(author, "Angsty", freeforms=["angsty"], summary="sad story")
    post(author, "Child", freeforms=["Whump"], summary="sad story")
    post(author, "Fluff", freeforms=["Fluff"], summary="sad story")
    make_canonical("Angst", "Fluff", "Whump")
    make_synonym("angsty", of="Angst")
    make_parent("Angst", "Whump")
    MutedTag.objects.create(user=reader, tag=tag("angsty"))  # muting a synonym mutes its tag
    c = client_for(reader)
    for url, params in [
        ("/works", {}),
        ("/search", {"q": "sad"}),
        ("/works/search", {"q": "story"}),
        ("/tags/Original Work/works", {}),
        (f"/users/{author.username}/works", {}),
    ]:
        response = c.get(url, params)
        assert titles(response) == ["Fluff"], url
        assert response.context["page"].total == 1
        assert not {"Angst", "Whump"} & facet_names(response), url


def test_a_muted_creator_is_gone_from_listings_and_counts(client_for, author, coauthor, reader):
    post(author, "By author", freeforms=["Fluff"])
    post(coauthor, "By coauthor", freeforms=["Angst"])
    make_canonical("Fluff", "Angst")
    Mute.objects.create(muter=reader, muted=coauthor)
    response = client_for(reader).get("/works")
    assert titles(response) == ["By author"]
    assert "Angst" not in facet_names(response)
    assert titles(client_for(author).get("/works")) == ["By coauthor", "By author"]


def test_show_muted_brings_them_back_for_one_page(client_for, author, reader):
    post(author, "Angst", freeforms=["Angst"])
    make_canonical("Angst")
    MutedTag.objects.create(user=reader, tag=tag("Angst"))
    c = client_for(reader)
    assert titles(c.get("/works")) == []
    assert titles(c.get("/works", {"show_muted": "1"})) == ["Angst"]
    assert "Show them on this page" in c.get("/works").content.decode()


def test_the_tag_feed_leaves_out_muted_works(client_for, author, reader):
    post(author, "Kept", fandoms=["Naruto"], freeforms=["Fluff"])
    post(author, "Muted", fandoms=["Naruto"], freeforms=["Angst"])
    make_canonical("Naruto", "Fluff", "Angst")
    MutedTag.objects.create(user=reader, tag=tag("Angst"))
    body = client_for(reader).get("/tags/Naruto/feed.atom").content.decode()
    assert "<title>Kept</title>" in body
    assert "Muted" not in body


def test_a_guest_mutes_tags_through_a_signed_cookie(client, author):
    post(author, "Angst", freeforms=["Angst"])
    post(author, "Fluff", freeforms=["Fluff"])
    make_canonical("Angst", "Fluff")
    response = client.post("/preferences/blocklist/tags", {"name": "angst"})
    assert response.status_code == 302
    assert titles(client.get("/works")) == ["Fluff"]
    assert "Angst" in client.get("/preferences/blocklist").content.decode()
    client.post(f"/preferences/blocklist/tags/{tag('Angst').pk}/unmute")
    assert titles(client.get("/works")) == ["Fluff", "Angst"]


def test_a_forged_guest_cookie_is_ignored(client, author):
    post(author, "Angst", freeforms=["Angst"])
    make_canonical("Angst")
    client.cookies[GUEST_COOKIE] = str(tag("Angst").pk)
    assert titles(client.get("/works")) == ["Angst"]
    assert GUEST_COOKIE_SALT  # the real cookie is signed with this salt


def test_a_reader_manages_the_blocklist_on_its_page(client_for, author, reader):
    post(author, "Angst", freeforms=["Angst"])
    make_canonical("Angst")
    c = client_for(reader)
    c.post("/preferences/blocklist/tags", {"name": "Angst"})
    c.post("/preferences/blocklist/creators", {"username": "author"})
    page = c.get("/preferences/blocklist").content.decode()
    assert "Angst" in page and "author" in page
    assert Mute.objects.filter(muter=reader, muted=author).exists()
    c.post(f"/preferences/blocklist/creators/{author.pk}/unmute")
    assert not Mute.objects.filter(muter=reader).exists()


def test_muting_an_unknown_tag_or_creator_says_so(client_for, reader):
    c = client_for(reader)
    response = c.post("/preferences/blocklist/tags", {"name": "Nothing"}, follow=True)
    assert "There is no tag named “Nothing”" in response.content.decode()
    response = c.post("/preferences/blocklist/creators", {"username": "nobody"}, follow=True)
    assert "There is no creator named “nobody”" in response.content.decode()


@pytest.mark.parametrize("separate_probes", [0, 8])
def test_several_muted_tags_hide_works_under_any_of_them(
    client_for, author, reader, monkeypatch, separate_probes
):
    # A few muted tags are tested one NOT EXISTS each, many in one (tagsets.lacking_all).
    monkeypatch.setattr(tagsets, "SEPARATE_PROBES", separate_probes)
    post(author, "Angst", freeforms=["Angst"])
    post(author, "Whump", freeforms=["Whump"])
    post(author, "Both", freeforms=["Angst", "Whump"])
    post(author, "Fluff", freeforms=["Fluff"])
    make_canonical("Angst", "Whump", "Fluff")
    for name in ("Angst", "Whump"):
        MutedTag.objects.create(user=reader, tag=tag(name))
    response = client_for(reader).get("/works")
    assert titles(response) == ["Fluff"]
    assert response.context["page"].total == 1
