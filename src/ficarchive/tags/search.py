"""Autocomplete: canonical tags and synonyms whose name, or a word of it, starts with what the
reader typed. The prefix match on the whole name uses the (type, name_key) index."""

from __future__ import annotations

from django.db import connection
from django.db.models import Q

from .models import Tag, name_key

LIMIT = 10
WORD_SEPARATORS = (" ", "/", "(", "|", "-")


def _prefix(queryset, key: str):
    queryset = queryset.filter(name_key__startswith=key)
    if connection.vendor == "sqlite":  # SQLite's LIKE ignores the index; a range does not
        queryset = queryset.filter(name_key__gte=key, name_key__lt=key + "\U0010ffff")
    return queryset


def suggest(tag_type: str, typed: str, limit: int = LIMIT) -> list[dict[str, str]]:
    """Up to `limit` suggestions: {"name", "type"} for canonical tags, plus "canonical" (the
    name it stands for) for synonyms. Whole-name prefix matches come first."""
    key = name_key(typed)
    if not key:
        return []
    wrangled = Tag.objects.filter(type=tag_type).exclude(canonical=False, synonym_of=None)
    wrangled = wrangled.select_related("synonym_of").order_by("-works_count", "name_key")
    found: list[Tag] = list(_prefix(wrangled, key)[:limit])
    if len(found) < limit and len(key) >= 2:
        word_start = Q()
        for sep in WORD_SEPARATORS:
            word_start |= Q(name_key__contains=sep + key)
        inner = wrangled.filter(word_start).exclude(pk__in=[t.pk for t in found])
        found += list(inner[: limit - len(found)])
    results = []
    for tag in found:
        item = {"name": tag.name, "type": tag.type}
        if tag.synonym_of_id:
            item["canonical"] = tag.synonym_of.name
        results.append(item)
    return results
