"""Wrangling: the actions that make many spellings one tag. Each is one transaction that also
refreshes the filter tags of every work it touches and records who did it.

`user` is None for changes the archive makes by itself (lexicon loading, relationship
normalisation)."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from ficarchive.core.signals import announce_tags_changed

from .filtering import works_changed, works_under
from .fixed import MEDIA
from .models import Tag, TagParent, TagType, WranglingAction, name_key

FIXED_TYPES = {TagType.RATING, TagType.WARNING, TagType.CATEGORY}


class WranglingError(ValueError):
    """A change that would leave the tags inconsistent; the message says why."""


def log(tag: Tag, kind: str, user=None, detail: str = "") -> None:
    """Record a change; the importer's extended lexicon is rebuilt after it."""
    from .lexicon_bridge import forget_archive_lexicon

    WranglingAction.objects.create(
        tag=tag, tag_name=tag.name, kind=kind, user=user, detail=detail[:400]
    )
    transaction.on_commit(forget_archive_lexicon)
    announce_tags_changed([tag.pk])


@transaction.atomic
def make_canonical(tag: Tag, user=None) -> None:
    if tag.canonical:
        return
    if tag.synonym_of_id:
        raise WranglingError(f"{tag.name} is a synonym of {tag.synonym_of.name}; unlink it first.")
    tag.canonical = True
    tag.save(update_fields=["canonical"])
    log(tag, WranglingAction.Kind.CANONICAL, user)
    works_changed(works_under([tag.pk]))


@transaction.atomic
def make_not_canonical(tag: Tag, user=None) -> None:
    if not tag.canonical:
        return
    if tag.type in FIXED_TYPES:
        raise WranglingError("Ratings, warnings and categories stay canonical.")
    if tag.synonyms.exists():
        raise WranglingError(f"{tag.name} has synonyms; move them to another tag first.")
    affected = works_under([tag.pk])
    tag.canonical = False
    tag.save(update_fields=["canonical"])
    TagParent.objects.filter(child=tag).delete()
    TagParent.objects.filter(parent=tag).delete()
    log(tag, WranglingAction.Kind.UNCANONICAL, user)
    works_changed(affected)


@transaction.atomic
def make_synonym(tag: Tag, target: Tag, user=None) -> None:
    """Make `tag` a synonym of the canonical `target`: its works are found under `target`."""
    if target.synonym_of_id:
        target = target.synonym_of
    if tag.pk == target.pk:
        raise WranglingError("A tag cannot be a synonym of itself.")
    if tag.type != target.type:
        raise WranglingError(f"{target.name} is a {target.get_type_display()} tag.")
    if not target.canonical:
        raise WranglingError(f"{target.name} is not canonical; make it canonical first.")
    if tag.canonical:
        raise WranglingError(f"{tag.name} is canonical; merge it instead.")
    affected = works_under([tag.pk])
    tag.synonym_of = target
    tag.save(update_fields=["synonym_of"])
    log(tag, WranglingAction.Kind.SYNONYM, user, f"of {target.name}")
    works_changed(affected)


@transaction.atomic
def remove_synonym(tag: Tag, user=None) -> None:
    if not tag.synonym_of_id:
        return
    affected = works_under([tag.pk])
    old = tag.synonym_of.name
    tag.synonym_of = None
    tag.save(update_fields=["synonym_of"])
    log(tag, WranglingAction.Kind.UNSYNONYM, user, f"was a synonym of {old}")
    works_changed(affected)


def _is_ancestor(candidate: Tag, tag: Tag) -> bool:
    from .filtering import ancestors_by_tag

    return tag.pk in ancestors_by_tag([candidate.pk])[candidate.pk]


@transaction.atomic
def add_parent(tag: Tag, parent: Tag, user=None) -> None:
    if parent.synonym_of_id:
        parent = parent.synonym_of
    if not (tag.canonical and parent.canonical):
        raise WranglingError("Only canonical tags have parents.")
    if parent.pk == tag.pk or _is_ancestor(parent, tag):
        raise WranglingError(f"{parent.name} is already under {tag.name}.")
    _, created = TagParent.objects.get_or_create(parent=parent, child=tag)
    if created:
        log(tag, WranglingAction.Kind.ADD_PARENT, user, parent.name)
        works_changed(works_under([tag.pk]))


@transaction.atomic
def remove_parent(tag: Tag, parent: Tag, user=None) -> None:
    deleted, _ = TagParent.objects.filter(parent=parent, child=tag).delete()
    if deleted:
        log(tag, WranglingAction.Kind.REMOVE_PARENT, user, parent.name)
        works_changed(works_under([tag.pk]))


@transaction.atomic
def merge(source: Tag, target: Tag, user=None) -> None:
    """Fold `source` into the canonical `target`: source and all its synonyms become synonyms
    of target, its children move under target, and its works are found under target."""
    if target.synonym_of_id:
        target = target.synonym_of
    if source.pk == target.pk:
        raise WranglingError("A tag cannot be merged into itself.")
    if source.type != target.type:
        raise WranglingError(f"{target.name} is a {target.get_type_display()} tag.")
    if not target.canonical:
        raise WranglingError(f"{target.name} is not canonical; make it canonical first.")
    if source.type in FIXED_TYPES:
        raise WranglingError("Ratings, warnings and categories cannot be merged.")
    affected = works_under([source.pk])
    for child_link in TagParent.objects.filter(parent=source).select_related("child"):
        if child_link.child_id != target.pk:
            TagParent.objects.get_or_create(parent=target, child_id=child_link.child_id)
    TagParent.objects.filter(parent=source).delete()
    TagParent.objects.filter(child=source).delete()
    Tag.objects.filter(synonym_of=source).update(synonym_of=target)
    source.canonical = False
    source.synonym_of = target
    source.save(update_fields=["canonical", "synonym_of"])
    log(source, WranglingAction.Kind.MERGE, user, f"into {target.name}")
    log(target, WranglingAction.Kind.MERGE, user, f"{source.name} merged in")
    works_changed(affected)


@transaction.atomic
def rename(tag: Tag, new_name: str, user=None) -> None:
    new_name = " ".join(new_name.split())[:150]
    if not new_name:
        raise WranglingError("A tag needs a name.")
    if tag.type in FIXED_TYPES:
        raise WranglingError("Ratings, warnings and categories keep AO3's names.")
    clash = Tag.objects.named(tag.type, new_name).exclude(pk=tag.pk).first()
    if clash:
        raise WranglingError(f"There is already a {tag.get_type_display()} tag {clash.name}.")
    old = tag.name
    if old == new_name:
        return
    tag.name = new_name
    try:
        with transaction.atomic():
            tag.save(update_fields=["name"])
    except IntegrityError:
        raise WranglingError(f"There is already a tag {new_name}.") from None
    log(tag, WranglingAction.Kind.RENAME, user, f"from {old}")
    announce_tags_changed([tag.pk], names=[old])
    works_changed(works_under([tag.pk]))  # their pages show the new name


def set_media(tag: Tag, media: list[str], user=None) -> None:
    """Sort a fandom into media (tags.fixed.MEDIA, in that order), as the tag index shows it."""
    if tag.type != TagType.FANDOM:
        raise WranglingError("Only fandoms are sorted into media.")
    unknown = sorted(set(media) - set(MEDIA))
    if unknown:
        raise WranglingError(f"Not a medium: {', '.join(unknown)}.")
    chosen = [m for m in MEDIA if m in media]
    if chosen == tag.media:
        return
    tag.media = chosen
    tag.save(update_fields=["media"])
    log(tag, WranglingAction.Kind.MEDIA, user, ", ".join(chosen) or "none")
    announce_tags_changed([tag.pk])


def same_name(a: str, b: str) -> bool:
    return name_key(a) == name_key(b)
