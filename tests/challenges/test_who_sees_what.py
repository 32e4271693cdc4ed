"""Who sees what while a gift exchange and a prompt meme run in an anonymous, unrevealed
collection: no page tells a reader who writes for whom, or who wrote a gift, before the
collection reveals it."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from ficarchive.challenges import running
from ficarchive.challenges.exchanges import save_meme
from ficarchive.challenges.memes import claim, post_prompt
from ficarchive.challenges.models import Assignment
from ficarchive.challenges.signups import sign_up
from ficarchive.collections.reveal import reveal_works
from ficarchive.collections.services import create_collection, update_collection
from ficarchive.works.models import Work

from .conftest import prompt

pytestmark = pytest.mark.django_db

POST = {"rating": "Not Rated", "warnings": ["No Archive Warnings Apply"],
        "fandoms": "The Hobbit", "language": "en", "chapter-body": "<p>Gold.</p>",
        "action": "post"}  # fmt: skip


def names(page: str, user) -> bool:
    return bool(re.search(rf"\b{re.escape(user.username)}\b", page, re.IGNORECASE))


def post_gift(client, user, title, collection, recipient):
    data = {**POST, "pseuds": [user.default_pseud.pk], "title": title,
            "collections": collection, "gift_to": recipient}  # fmt: skip
    response = client.post(reverse("new_work"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Work.objects.get(title=title)


@pytest.fixture
def hidden_exchange(exchange, maintainer, participants):
    update_collection(exchange.collection, maintainer, anonymous=True, unrevealed=True)
    ann, bea, cal = participants
    sign_up(exchange, ann, [prompt("Bilbo Baggins")], [prompt("Smaug")])
    sign_up(exchange, bea, [prompt("Smaug")], [prompt("Thorin Oakenshield")])
    sign_up(exchange, cal, [prompt("Thorin Oakenshield")], [prompt("Bilbo Baggins")])
    running.generate_assignments(exchange)
    running.send_assignments(exchange)
    return exchange


PAGES = ["/collections/hobbit_swap", "/collections/hobbit_swap/works",
         "/collections/hobbit_swap/participants", "/collections/hobbit_swap/pinch_hits",
         "/collections/hobbit_swap/works.atom", "/users/bea/gifts", "/works", "/inbox",
         "/api/v1/collections/hobbit_swap/works"]  # fmt: skip


def test_a_gift_and_its_giver_stay_hidden_until_each_reveal(
    hidden_exchange, participants, maintainer, client, client_for
):
    ann, bea, cal = participants
    giver = Assignment.objects.get(recipient__user=bea).giver.user
    other = next(p for p in participants if p not in (bea, giver))
    work = post_gift(client_for(giver), giver, "Hoard", "hobbit_swap", "bea")
    assert Assignment.objects.get(recipient__user=bea).work == work
    readers = {"a guest": client, "the recipient": client_for(bea), "another": client_for(other)}
    for who, reader in readers.items():
        for url in [*PAGES, f"/users/{giver.username}/works"]:
            assert "Hoard" not in reader.get(url).content.decode(), (who, url)
        assert reader.get(f"/works/{work.pk}").status_code == 404, who
        assert "Recent works (1)" not in reader.get("/collections/hobbit_swap").content.decode()
    reveal_works(hidden_exchange.collection)
    for who, reader in readers.items():
        assert reader.get(f"/works/{work.pk}").status_code == 200, who
        for url in [*PAGES, f"/works/{work.pk}"]:
            page = reader.get(url).content.decode()
            if who != "another" or url != "/inbox":  # their own assignment names its recipient
                assert not names(page, giver), (who, url)
        assert "Hoard" not in reader.get(f"/users/{giver.username}/works").content.decode(), who
    assert "Hoard" in client_for(bea).get("/users/bea/gifts").content.decode()


@pytest.fixture
def anonymous_meme(maintainer, hobbit):
    collection = create_collection(maintainer, name="meme", title="Meme", anonymous=True)
    return save_meme(collection, maintainer)


def test_in_an_anonymous_meme_claimers_are_anonymous_but_to_themselves_and_maintainers(
    anonymous_meme, participants, maintainer, client, client_for
):
    ann, bea, cal = participants
    wanted = post_prompt(anonymous_meme, ann, title="Dragons", anonymous=True)
    claim(wanted, bea)
    post_gift(client_for(bea), bea, "Ember", "meme", "")
    url = reverse("meme_prompt", args=["meme", wanted.pk])
    for who, reader in {"a guest": client, "the prompter": client_for(ann),
                        "another": client_for(cal)}.items():  # fmt: skip
        page = reader.get(url).content.decode()
        assert "Ember" in page and "Anonymous" in page, who  # the fill, but not who wrote it
        assert not names(page, bea), who
    for reader in (client_for(bea), client_for(maintainer)):
        assert names(reader.get(url).content.decode(), bea)
    update_collection(anonymous_meme.collection, maintainer, anonymous=False)
    assert names(client.get(url).content.decode(), bea)


def test_an_unrevealed_meme_shows_no_fill_nor_fill_count_before_the_reveal(
    maintainer, participants, hobbit, client, client_for
):
    ann, bea, _ = participants
    collection = create_collection(maintainer, name="meme", title="Meme", unrevealed=True)
    wanted = post_prompt(save_meme(collection, maintainer), ann, title="Dragons")
    claim(wanted, bea)
    post_gift(client_for(bea), bea, "Ember", "meme", "")
    prompt_url = reverse("meme_prompt", args=["meme", wanted.pk])
    listing = reverse("meme_prompts", args=["meme"])
    assert "Ember" not in client.get(prompt_url).content.decode()
    assert "fill" not in client.get(listing).content.decode().split("Dragons", 1)[1]
    assert "1 fill" in client_for(maintainer).get(listing).content.decode()
    reveal_works(collection)
    assert "Ember" in client.get(prompt_url).content.decode()
    assert "1 fill" in client.get(listing).content.decode()
