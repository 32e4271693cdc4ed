"""The importer's lexicon, extended with what the archive's wranglers know: every canonical
fandom, character, relationship and freeform tag, with its synonyms as aliases.

    from ficarchive.tags.lexicon_bridge import archive_lexicon
    parse(data, lexicon=archive_lexicon())
"""

from __future__ import annotations

import uuid

from django.core.cache import cache

from ficarchive.text.lexicon import Lexicon, load_lexicon

from .models import Tag, TagParent, TagType

CACHE_KEY = "tags:archive-lexicon-version"
CACHE_SECONDS = 300
_built: dict[str, Lexicon] = {}


def _synonyms_by_tag(tag_type: str) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    rows = Tag.objects.filter(type=tag_type, synonym_of__isnull=False)
    for target, name in rows.values_list("synonym_of_id", "name"):
        out.setdefault(target, []).append(name)
    return out


def _fandoms_by_tag(tag_type: str) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    links = TagParent.objects.filter(
        child__type=tag_type, child__canonical=True, parent__type=TagType.FANDOM
    )
    for child, fandom in links.values_list("child_id", "parent__name"):
        out.setdefault(child, []).append(fandom)
    return out


def build_archive_lexicon(base: Lexicon | None = None) -> Lexicon:
    """`base` (the shipped lexicon by default) extended with the archive's canonical tags."""
    extra: dict[str, list[dict]] = {"fandoms": [], "characters": [], "ships": [], "freeforms": []}
    for tag_type, key in (
        (TagType.FANDOM, "fandoms"),
        (TagType.CHARACTER, "characters"),
        (TagType.RELATIONSHIP, "ships"),
        (TagType.FREEFORM, "freeforms"),
    ):
        synonyms = _synonyms_by_tag(tag_type)
        fandoms = _fandoms_by_tag(tag_type) if key in ("characters", "ships") else {}
        for pk, name in Tag.objects.filter(type=tag_type, canonical=True).values_list("pk", "name"):
            aliases = synonyms.get(pk, [])
            if key in ("characters", "ships"):
                for fandom in fandoms.get(pk, []):  # a crossover character is in several
                    extra[key].append({"name": name, "fandom": fandom, "aliases": aliases})
            else:
                extra[key].append({"name": name, "aliases": aliases})
    return (base or load_lexicon()).extended(
        extra_fandoms=extra["fandoms"],
        extra_characters=extra["characters"],
        extra_ships=extra["ships"],
        extra_freeforms=extra["freeforms"],
    )


def archive_lexicon() -> Lexicon:
    """The extended lexicon, rebuilt at most every five minutes per process (and at once after
    forget_archive_lexicon(), which wrangling calls)."""
    version = cache.get(CACHE_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.set(CACHE_KEY, version, CACHE_SECONDS)
    if version not in _built:
        _built.clear()
        _built[version] = build_archive_lexicon()
    return _built[version]


def forget_archive_lexicon() -> None:
    cache.delete(CACHE_KEY)
