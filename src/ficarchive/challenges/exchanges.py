"""Setting up a collection's challenge: a gift exchange with its sign-up form and tag set,
or a prompt meme. Only the collection's maintainers may; bad settings raise ValueError and
change nothing."""

from __future__ import annotations

from django.db import transaction

from ficarchive.collections.services import is_maintainer
from ficarchive.tags.models import Tag

from .models import SIGNUP_TAG_TYPES, ExchangeRule, GiftExchange, PromptMeme, TagSetEntry

SETTINGS = (
    "requests_min", "requests_max", "offers_min", "offers_max", "signups_open_at",
    "signups_close_at", "signups_open", "nominations_open", "nominations_max",
    "assignments_due_at",
)  # fmt: skip
RULE_FIELDS = ("min_tags", "max_tags", "allow_any", "required_to_match", "weight")
MAX_TAGS = 20


def _check_maintainer(collection, by) -> None:
    if not is_maintainer(collection, by):
        raise ValueError("Only the collection's maintainers can set up its challenge.")


def save_exchange(collection, by, rules: dict[str, dict], **settings) -> GiftExchange:
    """Create or change the collection's gift exchange. `rules`: per tag type, its
    min_tags, max_tags, allow_any, required_to_match and weight; a type left out is not
    asked."""
    _check_maintainer(collection, by)
    if hasattr(collection, "prompt_meme"):
        raise ValueError("This collection runs a prompt meme.")
    unknown = set(settings) - set(SETTINGS)
    if unknown:
        raise ValueError(f"Unknown exchange settings: {', '.join(sorted(unknown))}.")
    exchange = getattr(collection, "gift_exchange", None) or GiftExchange(collection=collection)
    before = (exchange.signups_open_at, exchange.signups_close_at)
    for key, value in settings.items():
        setattr(exchange, key, value)
    _check(exchange, rules)
    if exchange.pk is None or before[0] != exchange.signups_open_at:
        exchange.opened_on_schedule = False
    if exchange.pk is None or before[1] != exchange.signups_close_at:
        exchange.closed_on_schedule = False
    with transaction.atomic():
        exchange.save()
        exchange.rules.exclude(tag_type__in=list(rules)).delete()
        for tag_type, values in rules.items():
            ExchangeRule.objects.update_or_create(
                exchange=exchange, tag_type=tag_type,
                defaults={k: values[k] for k in RULE_FIELDS if k in values},
            )  # fmt: skip
    return exchange


def _check(exchange: GiftExchange, rules: dict[str, dict]) -> None:
    problems = []
    if not 0 < exchange.requests_min <= exchange.requests_max <= 10:
        problems.append("Requests: between 1 and 10, the least no more than the most.")
    if not 0 < exchange.offers_min <= exchange.offers_max <= 10:
        problems.append("Offers: between 1 and 10, the least no more than the most.")
    opens, closes = exchange.signups_open_at, exchange.signups_close_at
    if opens and closes and closes <= opens:
        problems.append("Sign-ups must close after they open.")
    known = dict(SIGNUP_TAG_TYPES)
    for tag_type, values in rules.items():
        if tag_type not in known:
            problems.append(f"“{tag_type}” is not a tag type a sign-up can ask for.")
            continue
        low, high = values.get("min_tags", 0), values.get("max_tags", 1)
        if not 0 <= low <= high <= MAX_TAGS:
            problems.append(
                f"{known[tag_type]}: between 0 and {MAX_TAGS} tags, the least no more than the most."
            )
        if values.get("required_to_match", 0) > high:
            problems.append(
                f"{known[tag_type]}: matching can't require more tags than a prompt has."
            )
        if not 0 <= values.get("weight", 1) <= 100:
            problems.append(f"{known[tag_type]}: a weight is between 0 and 100.")
    if problems:
        raise ValueError(" ".join(problems))


def add_to_tag_set(exchange: GiftExchange, by, tag_type: str, names: list[str]) -> int:
    """Maintainers add canonical tags (a synonym adds its canonical tag) to the tag set."""
    _check_maintainer(exchange.collection, by)
    tags = []
    for name in [n for n in names if n.strip()]:
        tag = Tag.objects.named(tag_type, name).select_related("synonym_of").first()
        if tag is None:
            raise ValueError(f"There is no tag “{name.strip()}” of that type on the archive.")
        tags.append(tag.synonym_of or tag)
    with transaction.atomic():
        for tag in tags:
            TagSetEntry.objects.update_or_create(
                exchange=exchange, tag=tag, defaults={"state": TagSetEntry.APPROVED}
            )
    return len(tags)


def save_meme(collection, by, **settings) -> PromptMeme:
    _check_maintainer(collection, by)
    if hasattr(collection, "gift_exchange"):
        raise ValueError("This collection runs a gift exchange.")
    meme = getattr(collection, "prompt_meme", None) or PromptMeme(collection=collection)
    for key in ("anonymous_allowed", "open", "max_tags"):
        if key in settings:
            setattr(meme, key, settings[key])
    if not 0 < meme.max_tags <= 50:
        raise ValueError("A prompt has between 1 and 50 tags at most.")
    meme.save()
    return meme
