"""Reading collections over the API: the list, one collection, its works (every filter of
the listing, through discovery's apply_filters, as /collections/NAME/works shows them)."""

from __future__ import annotations

from django.core.paginator import Paginator
from ninja import Router

from ficarchive.collections.access import collection_named, works_of
from ficarchive.collections.models import Collection, Participant

from .schemas import CollectionOut, CollectionPage, Error, WorkPage
from .work_routes import LISTING_DOC, listing

router = Router(tags=["collections"])
PER_PAGE = 50


@router.get("collections", response=CollectionPage, summary="List collections")
def list_collections(request, page: int = 1, q: str = ""):
    """The top-level collections by title; `q` finds words of their titles or names."""
    shown = Collection.objects.filter(parent=None).select_related("parent")
    if q.strip():
        shown = shown.filter(title__icontains=q.strip()[:100]) | shown.filter(
            name__icontains=q.strip()[:100]
        )
    paged = Paginator(shown.order_by("title", "pk"), PER_PAGE).get_page(page)
    return {"page": paged.number, "pages": paged.paginator.num_pages,
            "total": paged.paginator.count, "results": list(paged.object_list)}  # fmt: skip


@router.get("collections/{name}", response={200: CollectionOut, 404: Error},
            summary="One collection")  # fmt: skip
def get_collection(request, name: str):
    """A collection with its settings, maintainers and sub-collections."""
    collection = collection_named(name)
    collection.maintainers = [
        p.user.username
        for p in Participant.objects.filter(
            collection=collection, role__in=Participant.MAINTAINERS
        ).select_related("user")
    ]
    return collection


@router.get("collections/{name}/works", response={200: WorkPage, 404: Error},
            openapi_extra=LISTING_DOC, summary="A collection's works")  # fmt: skip
def collection_works(request, name: str):
    """The works the collection shows to the caller (an unrevealed collection's only to its
    maintainers; an anonymous one's without creators), filtered as /works."""
    return listing(request, works_of(collection_named(name), request.user))
