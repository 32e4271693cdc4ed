"""Demo collections (called by `ficarchive load_demo` after the demo works): an open
collection holding two demo works, and an anonymous, unrevealed exchange with a reveal date a
month away holding a gift nobody can read until then. Safe to run again."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from ficarchive.accounts.models import User
from ficarchive.works.gifts import set_gifts
from ficarchive.works.models import Work
from ficarchive.works.services import post_work

from .items import add_work
from .models import Collection, CollectionItem
from .services import create_collection

OPEN = {
    "name": "lantern_fest", "title": "Lantern Fest",
    "description": "<p>Stories of light in dark places, gathered for a week each winter.</p>",
    "rules": "<p>Any fandom, any rating. Tag your warnings.</p>",
}  # fmt: skip
EXCHANGE = {
    "name": "midwinter_exchange", "title": "Midwinter Exchange",
    "description": "<p>Each writer is given someone's wish and writes them a story. Works and "
    "creators are revealed together at the end of the exchange.</p>",
    "anonymous": True, "unrevealed": True, "moderated": True,
}  # fmt: skip
GIFT_TITLE = "The Lamplighter's Errand"
GIFT_BODY = (
    "<p>The lamplighter had one lamp left to light, and it was on the far side of the frozen "
    "river.</p><p>She crossed in the dark, counting her steps, and when the wick caught, the "
    "whole bank shone back at her, every window lit in answer.</p>"
)


def _collection(owner, fields: dict) -> tuple[Collection, bool]:
    found = Collection.objects.filter(name=fields["name"]).first()
    if found is not None:
        return found, False
    extra = {k: v for k, v in fields.items() if k not in ("name", "title")}
    if fields.get("unrevealed"):
        extra["reveal_at"] = extra["reveal_creators_at"] = timezone.now() + timedelta(days=30)
    return create_collection(owner, name=fields["name"], title=fields["title"], **extra), True


@transaction.atomic
def load_collections_demo() -> int:
    owners = list(User.objects.filter(username__in=["quillfeather", "moonlitmoth",
                                                     "paperlantern"]).order_by("username"))  # fmt: skip
    if len(owners) < 2:
        return 0
    created = 0
    fest, new = _collection(owners[0], OPEN)
    created += new
    for work in Work.objects.filter(posted=True, restricted=False).order_by("pk")[:2]:
        if not CollectionItem.objects.filter(collection=fest, work=work).exists():
            creator = work.creatorships.select_related("pseud__user").first().pseud.user
            add_work(fest, work, creator)
            created += 1
    exchange, new = _collection(owners[1], EXCHANGE)
    created += new
    if not Work.objects.filter(title=GIFT_TITLE).exists():
        giver, recipient = owners[0], owners[-1]
        post_work(
            pseuds=[giver.default_pseud], title=GIFT_TITLE, fandoms=["Original Work"],
            rating="General Audiences", warnings=["No Archive Warnings Apply"], body=GIFT_BODY,
            summary="<p>One lamp left, on the far side of the river.</p>",
            before_announce=lambda work: (add_work(exchange, work, giver),
                                          set_gifts(work, [recipient.default_pseud], giver)),
        )  # fmt: skip
        created += 1
    return created
