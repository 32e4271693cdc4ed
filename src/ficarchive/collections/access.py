"""How collection pages find their collection and who may run it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from ficarchive.core.listing import Shown, shown, unhidden
from ficarchive.works.models import Work

from .models import Collection, CollectionItem, approved_items
from .services import is_maintainer

NOT_MAINTAINER = "Only the collection's maintainers can do this."


def collection_named(name: str) -> Collection:
    return get_object_or_404(Collection.objects.select_related("parent"), name__iexact=name)


def maintained_collection(request, name: str) -> Collection:
    collection = collection_named(name)
    if not is_maintainer(collection, request.user):
        raise PermissionDenied(NOT_MAINTAINER)
    return collection


def shown_items(collection: Collection):
    """The items the collection shows: both sides said yes; a parent shows its
    sub-collections' too."""
    return CollectionItem.objects.filter(approved_items()).filter(
        collection__in=[collection.pk, *collection.children.values_list("pk", flat=True)]
    )


def works_of(collection: Collection, user):
    """The collection's works as `user` may see them; its maintainers also see the works it
    keeps back (unrevealed), so that they can run the reveal."""
    ids = shown_items(collection).exclude(work=None).values("work_id")
    works = Work.objects.visible_to(user).filter(pk__in=ids)
    if is_maintainer(collection, user):
        works = works | Work.objects.filter(pk__in=ids, posted=True, hidden_by_admin=False)
    return works


def works_shown(collection: Collection, request) -> Shown:
    """The collection's works as its pages list them for this reader: those they may see
    (works_of), less what their blocklist hides (core.listing), so that every count agrees."""
    return shown(request, works_of(collection, request.user))


def work_counts(collections, request) -> dict[int, int]:
    """{collection id: how many works it lists for this reader}, its sub-collections' works
    included, counted as works_shown counts them (for the index of collections, in one
    query; a maintainer's unrevealed works are counted on the collection's own pages only)."""
    works = unhidden(request, Work.objects.visible_to(request.user))
    ids = [c.pk for c in collections]
    rows = (
        CollectionItem.objects.filter(approved_items(), work__in=works.values("pk"))
        .filter(Q(collection__in=ids) | Q(collection__parent__in=ids))
        .annotate(top=Coalesce("collection__parent_id", "collection_id"))
        .values("top").annotate(n=Count("work_id", distinct=True)).order_by()
    )  # fmt: skip
    return {row["top"]: row["n"] for row in rows}


def works_in_named(names: list[str]) -> dict:
    """For discovery's collection filter (work_groups): each known name's works, as ids."""
    found = {}
    for name in names:
        collection = Collection.objects.filter(name__iexact=name).first()
        if collection is not None:
            found[name] = shown_items(collection).exclude(work=None).values("work_id")
    return found
