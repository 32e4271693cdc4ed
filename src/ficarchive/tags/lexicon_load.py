"""Loading the importer's lexicon (ficarchive.text.lexicon) into the tag table: canonical
fandoms; canonical characters under their fandom; canonical relationships under their
characters and fandom, with the ship names as synonyms; canonical freeforms; every alias as a
synonym. Idempotent: what exists is kept, and a wrangler's choices are never overridden."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction

from ficarchive.text.lexicon import Lexicon

from .filtering import works_changed, works_under
from .models import Tag, TagType, WranglingAction
from .services import add_parents, get_or_create_tag
from .wrangling import log


@dataclass
class LoadReport:
    created: Counter[str] = field(default_factory=Counter)
    skipped: list[str] = field(default_factory=list)
    works_refreshed: int = 0

    def lines(self) -> list[str]:
        out = [f"created {n} {what}" for what, n in sorted(self.created.items())]
        if not out:
            out = ["nothing new: the tag table already holds the lexicon"]
        out.append(f"refreshed the filter tags of {self.works_refreshed} works")
        out += [f"skipped: {s}" for s in self.skipped]
        return out


class _Loader:
    def __init__(self) -> None:
        self.report = LoadReport()
        self.touched: set[int] = set()

    def canonical(self, tag_type: str, name: str) -> Tag | None:
        tag = Tag.objects.named(tag_type, name).select_related("synonym_of").first()
        if tag is None:
            tag = get_or_create_tag(tag_type, name, canonical=True)
            log(tag, WranglingAction.Kind.CREATE, None, "from the lexicon")
            self.report.created[f"canonical {tag_type} tags"] += 1
            return tag
        if tag.canonical:
            return tag
        if tag.synonym_of_id:  # a wrangler decided otherwise: follow them
            return tag.synonym_of if tag.synonym_of.type == tag_type else None
        tag.canonical = True
        tag.save(update_fields=["canonical"])
        log(tag, WranglingAction.Kind.CANONICAL, None, "from the lexicon")
        self.report.created[f"canonical {tag_type} tags (made from unwrangled ones)"] += 1
        self.touched.add(tag.pk)
        return tag

    def synonym(self, tag_type: str, alias: str, target: Tag) -> None:
        tag = Tag.objects.named(tag_type, alias).first()
        if tag is None:
            tag = get_or_create_tag(tag_type, alias, synonym_of=target)
            log(tag, WranglingAction.Kind.SYNONYM, None, f"of {target.name}, from the lexicon")
            self.report.created[f"{tag_type} synonyms"] += 1
        elif not tag.canonical and tag.synonym_of_id is None:
            tag.synonym_of = target
            tag.save(update_fields=["synonym_of"])
            log(tag, WranglingAction.Kind.SYNONYM, None, f"of {target.name}, from the lexicon")
            self.report.created[f"{tag_type} synonyms (made from unwrangled ones)"] += 1
            self.touched.add(tag.pk)
        elif tag.pk != target.pk and tag.synonym_of_id != target.pk:
            self.report.skipped.append(f"{alias!r} already means {tag.filterable or tag}")

    def parents(self, tag: Tag, parents: list[Tag]) -> None:
        if add_parents(tag, parents):
            self.report.created["parent links"] += 1
            self.touched.add(tag.pk)


@transaction.atomic
def load_lexicon_into_tags(lexicon: Lexicon) -> LoadReport:
    loader = _Loader()
    for term_type, terms in (
        (TagType.RATING, lexicon.ratings),
        (TagType.WARNING, lexicon.warnings),
        (TagType.CATEGORY, lexicon.categories),
    ):
        for term in terms:
            if not Tag.objects.named(term_type, term.name).exists():
                loader.report.skipped.append(f"{term.name!r} is not one of the fixed {term_type}s")
    for fandom in lexicon.fandoms:
        fandom_tag = loader.canonical(TagType.FANDOM, fandom.name)
        if fandom_tag is None:
            continue
        if fandom.media and not fandom_tag.media:  # a wrangler's sorting is kept
            fandom_tag.media = list(fandom.media)
            fandom_tag.save(update_fields=["media"])
            loader.report.created["fandoms sorted into media"] += 1
        for alias in fandom.aliases:
            loader.synonym(TagType.FANDOM, alias, fandom_tag)
        characters: dict[str, Tag] = {}
        for char in fandom.characters:
            char_tag = loader.canonical(TagType.CHARACTER, char.name)
            if char_tag is None:
                continue
            characters[char.name] = char_tag
            loader.parents(char_tag, [fandom_tag])
            for alias in char.aliases:
                loader.synonym(TagType.CHARACTER, alias, char_tag)
        for ship in fandom.ships:
            ship_tag = loader.canonical(TagType.RELATIONSHIP, ship.name)
            if ship_tag is None:
                continue
            members = [characters[m] for m in ship.members if m in characters]
            loader.parents(ship_tag, [*members, fandom_tag])
            for alias in ship.aliases:
                loader.synonym(TagType.RELATIONSHIP, alias, ship_tag)
    for term in lexicon.freeforms:
        tag = loader.canonical(TagType.FREEFORM, term.name)
        if tag is None:
            continue
        for alias in term.aliases:
            if alias.lower() != term.name.lower():
                loader.synonym(TagType.FREEFORM, alias, tag)
    for fandom in lexicon.fandoms:  # once every fandom exists, the links between them
        child = Tag.objects.named(TagType.FANDOM, fandom.name).filter(canonical=True).first()
        parents = [loader.canonical(TagType.FANDOM, name) for name in fandom.parents]
        if child is not None:
            loader.parents(child, [p for p in parents if p is not None])
    affected = works_under(loader.touched) if loader.touched else set()
    works_changed(affected)
    loader.report.works_refreshed = len(affected)
    return loader.report
