"""Signing up for a gift exchange, and the tag set with its nominations. Bad input raises
SignupError with every problem found, and changes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from ficarchive.tags.models import Tag

from .models import SIGNUP_TAG_TYPES, ExchangeRule, GiftExchange, Signup, SignupPrompt, TagSetEntry

TYPE_NAMES = {value: label.lower() for value, label in SIGNUP_TAG_TYPES}
MAX_DESCRIPTION = 5000


class SignupError(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__(" ".join(problems))
        self.problems = problems


@dataclass
class PromptInput:
    """A request or an offer as the participant typed it: tag names per tag type."""

    tags: dict[str, list[str]] = field(default_factory=dict)
    any_types: set[str] = field(default_factory=set)
    description: str = ""


def sign_up(
    exchange: GiftExchange, user, requests: list[PromptInput], offers: list[PromptInput]
) -> Signup:
    """Sign `user` up (or change their sign-up) with these requests and offers."""
    problems: list[str] = []
    closes = exchange.signups_close_at
    if not exchange.signups_open or (closes and closes <= timezone.now()):
        raise SignupError([f"Sign-ups for “{exchange.collection.title}” are closed."])
    rules = {rule.tag_type: rule for rule in exchange.rules.all()}
    for kind, prompts, low, high in (
        ("request", requests, exchange.requests_min, exchange.requests_max),
        ("offer", offers, exchange.offers_min, exchange.offers_max),
    ):
        if not low <= len(prompts) <= high:
            problems.append(
                f"A sign-up has {_between(low, high)} {kind}s; this one has {len(prompts)}."
            )
    resolved = [
        [
            _resolve(exchange, rules, kind, n, prompt, problems)
            for n, prompt in enumerate(prompts, 1)
        ]
        for kind, prompts in (("request", requests), ("offer", offers))
    ]
    if problems:
        raise SignupError(problems)
    with transaction.atomic():
        signup, _ = Signup.objects.get_or_create(exchange=exchange, user=user)
        signup.prompts.all().delete()
        for kind, prompts, tag_lists in (
            (SignupPrompt.REQUEST, requests, resolved[0]),
            (SignupPrompt.OFFER, offers, resolved[1]),
        ):
            for position, (prompt, tags) in enumerate(zip(prompts, tag_lists, strict=True)):
                row = SignupPrompt.objects.create(
                    signup=signup, kind=kind, position=position,
                    description=prompt.description.strip(), any_types=sorted(prompt.any_types),
                )  # fmt: skip
                row.tags.set(tags)
        signup.save(update_fields=["updated_at"])
    return signup


def _between(low: int, high: int) -> str:
    return f"{low}" if low == high else f"{low} to {high}"


def _resolve(
    exchange, rules: dict[str, ExchangeRule], kind, n, prompt: PromptInput, problems
) -> list[Tag]:
    """The tags of one prompt, checked against the rules and the tag set."""
    where = f"{kind.capitalize()} {n}"
    tags: list[Tag] = []
    for tag_type in set(prompt.tags) | prompt.any_types:
        if tag_type not in rules:
            problems.append(
                f"{where}: this exchange doesn't ask for {TYPE_NAMES.get(tag_type, 'those tags')}."
            )
    if len(prompt.description) > MAX_DESCRIPTION:
        problems.append(f"{where}: the prompt is longer than {MAX_DESCRIPTION} characters.")
    tag_set = _tag_set(exchange)
    for tag_type, rule in rules.items():
        names = list(
            dict.fromkeys(" ".join(n.split()) for n in prompt.tags.get(tag_type, []) if n.strip())
        )
        label = TYPE_NAMES[tag_type]
        takes_any = tag_type in prompt.any_types
        if takes_any and not rule.allow_any:
            problems.append(f"{where}: “any” is not allowed for {label}.")
        if len(names) > rule.max_tags:
            problems.append(f"{where}: at most {rule.max_tags} {label}, not {len(names)}.")
        if len(names) < rule.min_tags and not (takes_any and rule.allow_any):
            problems.append(f"{where}: at least {rule.min_tags} {label}.")
        for name in names:
            tag = Tag.objects.named(tag_type, name).select_related("synonym_of").first()
            if tag_set is not None and (tag is None or _in_set(tag, tag_set) is None):
                problems.append(f"{where}: “{name}” is not one of this exchange's {label}.")
            elif tag is None:
                problems.append(
                    f"{where}: there is no {label[:-1] if label.endswith('s') else label} tag “{name}”."
                )
            else:
                tags.append(_in_set(tag, tag_set) if tag_set is not None else tag)
    return tags


def _tag_set(exchange) -> set[int] | None:
    """The approved tags of the exchange's tag set, or None when it has none (any tag goes)."""
    ids = set(
        TagSetEntry.objects.filter(exchange=exchange, state=TagSetEntry.APPROVED).values_list(
            "tag_id", flat=True
        )
    )
    return ids or None


def _in_set(tag: Tag, tag_set: set[int]) -> Tag | None:
    """The tag set's tag that `tag` stands for: itself, or the canonical tag it is a synonym of."""
    if tag.pk in tag_set:
        return tag
    if tag.synonym_of_id in tag_set:
        return tag.synonym_of
    return None


def nominate(exchange: GiftExchange, user, tag_type: str, names: list[str]) -> list[TagSetEntry]:
    """Nominate tags for the tag set; they wait for a maintainer's review."""
    if not exchange.nominations_open:
        raise SignupError(["Nominations are closed."])
    if tag_type not in {rule.tag_type for rule in exchange.rules.all()}:
        raise SignupError(
            [f"This exchange doesn't ask for {TYPE_NAMES.get(tag_type, 'those tags')}."]
        )
    names = list(dict.fromkeys(" ".join(n.split()) for n in names if n.strip()))
    already = TagSetEntry.objects.filter(
        exchange=exchange, nominated_by=user, tag__type=tag_type
    ).count()
    if already + len(names) > exchange.nominations_max:
        raise SignupError(
            [f"You can nominate at most {exchange.nominations_max} {TYPE_NAMES[tag_type]}."]
        )
    tags = []
    for name in names:
        tag = Tag.objects.named(tag_type, name).select_related("synonym_of").first()
        if tag is None:
            raise SignupError([f"There is no {TYPE_NAMES[tag_type]} tag “{name}” on the archive."])
        tags.append(tag.synonym_of or tag)
    with transaction.atomic():
        return [
            TagSetEntry.objects.get_or_create(
                exchange=exchange,
                tag=tag,
                defaults={"state": TagSetEntry.NOMINATED, "nominated_by": user},
            )[0]
            for tag in tags
        ]


def review_nominations(exchange: GiftExchange, entry_ids, approve: bool) -> int:
    state = TagSetEntry.APPROVED if approve else TagSetEntry.REJECTED
    return TagSetEntry.objects.filter(exchange=exchange, pk__in=entry_ids).update(state=state)
