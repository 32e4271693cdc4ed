"""Prompt memes: post, claim, fill, list by tag and claims, and anonymous prompters who stay
anonymous on every page, to the maintainers too."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from ficarchive.challenges.exchanges import save_meme
from ficarchive.challenges.memes import claim, post_prompt, prompts_of
from ficarchive.challenges.models import MemePrompt
from ficarchive.collections.services import create_collection

pytestmark = pytest.mark.django_db


@pytest.fixture
def meme(maintainer, hobbit):
    collection = create_collection(maintainer, name="kink_meme", title="Kink Meme")
    return save_meme(collection, maintainer)


def test_an_anonymous_prompt_never_names_its_prompter(
    meme, participants, maintainer, client, client_for
):
    ann = participants[0]
    response = client_for(ann).post(reverse("meme_new_prompt", args=["kink_meme"]), {
        "title": "Bilbo bakes", "text": "Seed cake, please.", "characters": "Bilbo", "anonymous": "on",
    })  # fmt: skip
    assert response.status_code == 302
    prompt = MemePrompt.objects.get()
    for viewer in (client, client_for(maintainer), client_for(participants[1])):
        for url in (reverse("meme_prompts", args=["kink_meme"]),
                    reverse("meme_prompt", args=["kink_meme", prompt.pk])):  # fmt: skip
            page = viewer.get(url).content.decode()
            assert "Bilbo bakes" in page and "Anonymous" in page
            # the name as a word: a random CSRF token may hold the letters "ann"
            assert not re.search(rf"\b{re.escape(ann.username)}\b", page, re.IGNORECASE)


def test_a_meme_without_anonymity_refuses_an_anonymous_prompt(meme, participants, maintainer):
    save_meme(meme.collection, maintainer, anonymous_allowed=False)
    meme.refresh_from_db()
    with pytest.raises(ValueError, match="doesn't take anonymous prompts"):
        post_prompt(meme, participants[0], title="Hidden", anonymous=True)
    assert not MemePrompt.objects.exists()


def test_bad_tags_are_refused_with_the_name(meme, participants):
    with pytest.raises(ValueError, match="There is no characters tag “Gandalf”|no character"):
        post_prompt(meme, participants[0], title="Wizard", tags={"character": ["Gandalf"]})
    assert not MemePrompt.objects.exists()


def test_prompts_filter_by_tag_through_synonyms_and_sort_by_claims(meme, participants):
    ann, bea, cal = participants
    bilbo = post_prompt(meme, ann, title="Bilbo", tags={"character": ["Bilbo Baggins"]})
    smaug = post_prompt(meme, bea, title="Smaug", tags={"character": ["Smaug"]})
    claim(smaug, cal)
    claim(smaug, ann)
    assert [p.title for p in prompts_of(meme, tag="Bilbo")] == ["Bilbo"]  # a synonym
    assert [p.title for p in prompts_of(meme, sort="most_claimed")] == ["Smaug", "Bilbo"]
    assert [p.title for p in prompts_of(meme, unclaimed=True)] == ["Bilbo"]
    with pytest.raises(ValueError, match="claimed this prompt already"):
        claim(smaug, cal)
    assert bilbo.claims.count() == 0


def test_a_claimed_prompt_is_filled_by_the_work_posted_to_the_meme(meme, participants, client_for):
    ann, bea, _ = participants
    prompt = post_prompt(meme, ann, title="Dragon hoard", tags={"character": ["Smaug"]})
    client_for(bea).post(reverse("meme_claim", args=["kink_meme", prompt.pk]))
    response = client_for(bea).post("/works/new", {
        "title": "All That Glitters", "pseuds": [bea.default_pseud.pk], "rating": "Not Rated",
        "warnings": ["No Archive Warnings Apply"], "fandoms": "The Hobbit", "language": "en",
        "collections": "kink_meme", "chapter-body": "<p>Gold.</p>", "action": "post",
    })  # fmt: skip
    assert response.status_code == 302
    page = (
        client_for(ann).get(reverse("meme_prompt", args=["kink_meme", prompt.pk])).content.decode()
    )
    assert "All That Glitters" in page
    prompt.refresh_from_db()
    assert prompt.fills_count == 1


def test_a_maintainer_opens_a_meme_from_the_collection_page(maintainer, reader, client_for):
    create_collection(maintainer, name="drabbles", title="Drabbles")
    url = reverse("meme_setup", args=["drabbles"])
    assert client_for(reader).post(url, {"open": "on"}).status_code == 403
    assert (
        "Prompt meme settings"
        in client_for(maintainer).get("/collections/drabbles").content.decode()
    )
    assert client_for(maintainer).post(url, {"open": "on"}).status_code == 302
    assert "Prompts</a>" in client_for(reader).get("/collections/drabbles").content.decode()


def _fill(client, user, title: str) -> None:
    response = client.post("/works/new", {
        "title": title, "pseuds": [user.default_pseud.pk], "rating": "Not Rated",
        "warnings": ["No Archive Warnings Apply"], "fandoms": "The Hobbit", "language": "en",
        "collections": "kink_meme", "chapter-body": "<p>Gold.</p>", "action": "post",
    })  # fmt: skip
    assert response.status_code == 302


def test_a_prompts_fills_and_claimers_follow_the_visibility_rules(
    meme, participants, maintainer, admin_user, client, client_for
):
    """A fill hidden by a moderator is listed for nobody but its creator and staff; in an
    anonymous meme a claimer is not named, since the fill would name its creator."""
    from ficarchive.collections.services import update_collection
    from ficarchive.works.models import Work
    from ficarchive.works.services import set_hidden_by_admin

    ann, bea, cal = participants
    prompt = post_prompt(meme, ann, title="Dragon hoard", tags={"character": ["Smaug"]})
    for user in (bea, cal):
        client_for(user).post(reverse("meme_claim", args=["kink_meme", prompt.pk]))
    _fill(client_for(bea), bea, "All That Glitters")
    _fill(client_for(cal), cal, "Moth Eaten Gold")
    set_hidden_by_admin(Work.objects.get(title="Moth Eaten Gold"), True)
    update_collection(meme.collection, maintainer, anonymous=True)
    url = reverse("meme_prompt", args=["kink_meme", prompt.pk])
    for viewer in (client, client_for(ann)):
        page = viewer.get(url).content.decode()
        assert "All That Glitters" in page and "Moth Eaten Gold" not in page
        assert not re.search(r"\b(bea|cal)\b", page)
    assert "Moth Eaten Gold" in client_for(admin_user).get(url).content.decode()
    assert re.search(r"<li>bea</li>", client_for(maintainer).get(url).content.decode())
