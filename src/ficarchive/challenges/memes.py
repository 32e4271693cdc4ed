"""Prompt memes: posting prompts, claiming them, listing them by tag, claims and date.
An anonymous prompt never names its prompter: `MemePrompt.byline` is what every page,
feed and mail shows. Bad input raises ValueError and changes nothing."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F

from ficarchive.tags.models import Tag

from .models import Claim, MemePrompt, PromptMeme
from .signups import TYPE_NAMES

SORTS = {"date": ("-created_at", "-pk"), "claims": ("claims_count", "-created_at", "-pk"),
         "most_claimed": ("-claims_count", "-created_at", "-pk")}  # fmt: skip


def post_prompt(meme: PromptMeme, user, *, title: str, text: str = "",
                tags: dict[str, list[str]] | None = None, anonymous: bool = False) -> MemePrompt:  # fmt: skip
    title = " ".join((title or "").split())
    problems = []
    if not meme.open:
        problems.append("This prompt meme takes no new prompts.")
    if not title:
        problems.append("A prompt needs a title.")
    if len(title) > 200 or len(text or "") > 10000:
        problems.append("A prompt's title is at most 200 characters and its text 10,000.")
    if anonymous and not meme.anonymous_allowed:
        problems.append("This prompt meme doesn't take anonymous prompts.")
    found = []
    names = [(t, " ".join(n.split())) for t, ns in (tags or {}).items() for n in ns if n.strip()]
    if len(names) > meme.max_tags:
        problems.append(f"A prompt has at most {meme.max_tags} tags, not {len(names)}.")
    for tag_type, name in names:
        tag = (
            Tag.objects.named(tag_type, name).select_related("synonym_of").first()
            if tag_type in TYPE_NAMES
            else None
        )
        if tag is None:
            problems.append(f"There is no {TYPE_NAMES.get(tag_type, 'such')} tag “{name}”.")
        else:
            found.append(tag.synonym_of or tag)
    if problems:
        raise ValueError(" ".join(problems))
    with transaction.atomic():
        prompt = MemePrompt.objects.create(meme=meme, user=user, anonymous=anonymous, title=title,
                                           text=(text or "").strip())  # fmt: skip
        prompt.tags.set(found)
    return prompt


def claim(prompt: MemePrompt, user) -> Claim:
    try:
        with transaction.atomic():
            made = Claim.objects.create(prompt=prompt, user=user)
            MemePrompt.objects.filter(pk=prompt.pk).update(claims_count=F("claims_count") + 1)
    except IntegrityError:
        raise ValueError("You claimed this prompt already.") from None
    return made


def unclaim(prompt: MemePrompt, user) -> None:
    with transaction.atomic():
        deleted, _ = Claim.objects.filter(prompt=prompt, user=user, work=None).delete()
        if not deleted:
            raise ValueError("You have no open claim on this prompt.")
        MemePrompt.objects.filter(pk=prompt.pk).update(claims_count=F("claims_count") - 1)


def prompts_of(meme: PromptMeme, *, tag: str = "", sort: str = "date", unclaimed: bool = False):
    """The meme's prompts, under a tag (its canonical tag and synonyms), sorted by date or
    by claims, optionally only those nobody claimed."""
    prompts = MemePrompt.objects.filter(meme=meme).select_related("user").prefetch_related("tags")
    if tag:
        found = Tag.objects.filter(name_key=" ".join(tag.split()).lower()).select_related(
            "synonym_of"
        )
        canonical = {t.synonym_of_id or t.pk for t in found}
        prompts = prompts.filter(tags__in=canonical).distinct()
    if unclaimed:
        prompts = prompts.filter(claims_count=0)
    return prompts.order_by(*SORTS.get(sort, SORTS["date"]))
