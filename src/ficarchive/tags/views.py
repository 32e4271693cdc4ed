"""Tag pages for everyone: the index of canonical tags, a tag's own page, and autocomplete."""

from __future__ import annotations

from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from .lookup import tag_for_url, tags_named
from .models import Tag, TagType
from .search import suggest

INDEX_TYPES = [TagType.FANDOM, TagType.RELATIONSHIP, TagType.CHARACTER, TagType.FREEFORM]
INDEX_LIMIT = 100


def tag_index(request):
    """Canonical fandoms (all of them) and the most used relationships, characters and tags."""
    sections = []
    for tag_type in INDEX_TYPES:
        tags = Tag.objects.filter(type=tag_type, canonical=True).with_current_counts()
        if tag_type == TagType.FANDOM:
            tags = tags.order_by("name_key")
        else:
            tags = tags.order_by("-current_count", "name_key")[:INDEX_LIMIT]
        sections.append((TagType(tag_type).label, list(tags)))
    return render(request, "tags/index.html", {"sections": sections})


def tag_detail(request, name: str):
    tag = tag_for_url(name, request.GET.get("type"))
    if tag is None:
        raise Http404("No tag of that name.")
    canonical = tag.filterable
    context = {
        "tag": tag,
        "canonical": canonical,
        "same_name": [t for t in tags_named(name) if t.pk != tag.pk],
        "synonyms": tag.synonyms.order_by("name_key"),
        "parents": tag.parents.order_by("type", "name_key"),
        "children": tag.children.with_current_counts().order_by("type", "name_key"),
        "count": tag.current_count if tag.canonical else None,
        "is_wrangler": request.user.is_authenticated and request.user.is_wrangler,
    }
    if context["is_wrangler"]:
        context["actions"] = tag.wrangling_actions.select_related("user")[:50]
    return render(request, "tags/tag.html", context)


@require_GET
@cache_control(max_age=60)
def autocomplete(request):
    tag_type = request.GET.get("type", "")
    if tag_type not in TagType.values:
        return JsonResponse({"error": "unknown tag type"}, status=400)
    return JsonResponse({"results": suggest(tag_type, request.GET.get("q", "")[:150])})
