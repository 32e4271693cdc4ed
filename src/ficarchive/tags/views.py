"""Tag pages for everyone: the index of canonical tags and autocomplete (a tag's own page,
which lists its works, is discovery.tag_pages)."""

from __future__ import annotations

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from ficarchive.core.replica import may_read_replica

from .fixed import MEDIA, UNCATEGORIZED_MEDIA
from .models import Tag, TagType
from .search import suggest

INDEX_TYPES = [TagType.RELATIONSHIP, TagType.CHARACTER, TagType.FREEFORM]
INDEX_LIMIT = 100


@may_read_replica
def tag_index(request):
    """Canonical fandoms (all that have works) by media, as AO3 lists them, and the most used
    relationships, characters and tags; a tag no work is found under is left out."""
    fandoms = Tag.objects.filter(type=TagType.FANDOM, canonical=True)
    fandoms = fandoms.with_current_counts(request.user)
    by_media: dict[str, list[Tag]] = {}
    for fandom in fandoms.filter(current_count__gt=0).order_by("name_key"):
        for medium in fandom.media or [UNCATEGORIZED_MEDIA]:
            by_media.setdefault(medium, []).append(fandom)
    media = [(m, by_media[m]) for m in [*MEDIA, UNCATEGORIZED_MEDIA] if m in by_media]
    sections = []
    for tag_type in INDEX_TYPES:
        tags = Tag.objects.filter(type=tag_type, canonical=True).with_current_counts(request.user)
        tags = tags.filter(current_count__gt=0).order_by("-current_count", "name_key")
        sections.append((TagType(tag_type).label, list(tags[:INDEX_LIMIT])))
    return render(request, "tags/index.html", {"media": media, "sections": sections})


@require_GET
@cache_control(max_age=60)
def autocomplete(request):
    tag_type = request.GET.get("type", "")
    if tag_type not in TagType.values:
        return JsonResponse({"error": "unknown tag type"}, status=400)
    return JsonResponse({"results": suggest(tag_type, request.GET.get("q", "")[:150])})
