"""The active filters of a listing as removable chips, as AO3's filter sidebar shows them:
each included or excluded tag (ticked in the facets or typed by name) and each rating, with a
link to the same listing without it."""

from __future__ import annotations

from dataclasses import dataclass

from .forms import tag_names


@dataclass(frozen=True)
class Chip:
    kind: str  # "Including", "Excluding", "Rating"
    name: str
    remove_query: str  # the query string without this filter


def _without(params, field: str, value: str) -> str:
    kept = params.copy()
    kept.pop("page", None)
    kept.setlist(field, [v for v in params.getlist(field) if v != value])
    return kept.urlencode()


def _with_text(params, field: str, text: str) -> str:
    kept = params.copy()
    kept.pop("page", None)
    if text:
        kept[field] = text
    else:
        kept.pop(field, None)
    return kept.urlencode()


def filter_chips(params, listing) -> list[Chip]:
    """The chips of a Listing (discovery.filters) made from these query parameters."""
    data = listing.form.valid_data()
    chips: list[Chip] = []
    tags = {t.pk: t for t in [*listing.included, *listing.excluded]}
    for field, kind in (("include_ids", "Including"), ("exclude_ids", "Excluding")):
        for tag_id in data.get(field, []):
            if tag_id in tags:
                chips.append(Chip(kind, tags[tag_id].name, _without(params, field, str(tag_id))))
    for field, kind in (("include", "Including"), ("exclude", "Excluding")):
        names = tag_names(data.get(field, ""))
        for name in names:
            rest = ", ".join(n for n in names if n != name)
            chips.append(Chip(kind, name, _with_text(params, field, rest)))
    for rating in data.get("rating", []):
        chips.append(Chip("Rating", rating.name, _without(params, "rating", str(rating.pk))))
    return chips
