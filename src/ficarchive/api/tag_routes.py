"""Tags over the API: one tag as its page shows it, and the autocomplete look-up."""

from __future__ import annotations

from typing import Literal

from django.http import Http404
from ninja import Router

from ficarchive.discovery.tag_pages import tags_open_to
from ficarchive.tags.converters import unescape_tag_name
from ficarchive.tags.lookup import TYPE_ORDER
from ficarchive.tags.models import TagType
from ficarchive.tags.search import LIMIT, suggest

from .schemas import Error, TagOut, TagSuggestions

router = Router(tags=["tags"])

# A tag type's name, or empty for any: an enum in the schema; another value is a 400 that
# lists them (the API's validation errors).
TagTypeName = Literal[("", *TagType.values)]


@router.get("tags", response={200: TagSuggestions, 400: Error}, summary="Suggest tags")
def suggest_tags(request, q: str = "", type: TagTypeName = ""):
    """Canonical tags and synonyms whose name, or a word of it, starts with `q` (at most 10,
    most used first), as the posting form's autocomplete offers them. `type` (fandom,
    relationship, character, freeform, rating, warning, category) narrows to one type."""
    types = [type] if type else TYPE_ORDER
    results: list[dict] = []
    for tag_type in types:
        results += suggest(tag_type, q[:150], LIMIT - len(results))
        if len(results) >= LIMIT:
            break
    return {"results": results}


@router.get("tags/{path:name}", response={200: TagOut, 404: Error}, summary="One tag")
def get_tag(request, name: str, type: TagTypeName = ""):
    """A tag by name (AO3's escapes such as *s* for "/" accepted, or the plain name): its
    canonical tag, synonyms, parents, children with counts, and its count of works. Names are
    unique per type only; `type` picks among same-named tags."""
    tags = tags_open_to(unescape_tag_name(name), request.user, type or None)
    if not tags:
        raise Http404("There is no tag of that name.")
    return tags[0]
