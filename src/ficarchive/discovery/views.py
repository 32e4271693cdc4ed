"""Listings of works (all works, a tag's, a creator's) and search, all through apply_filters."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from ficarchive.accounts.models import Pseud
from ficarchive.tags.converters import unescape_tag_name
from ficarchive.tags.models import Tag, TagType, name_key
from ficarchive.works.models import Work

from .facets import facets_for
from .filters import apply_filters
from .paging import page_of


def home(request: HttpRequest) -> HttpResponse:
    """The front page: the latest works the reader may see."""
    recent = Work.objects.visible_to(request.user).listing().order_by("-updated_at")[:10]
    return render(request, "discovery/home.html", {"works": recent})


def query_without(params, *names: str) -> str:
    """The query string minus some parameters, for page and show-muted links."""
    kept = params.copy()
    for name in names:
        kept.pop(name, None)
    return kept.urlencode()


def render_listing(request: HttpRequest, works: QuerySet, context: dict, *,
                   template: str = "discovery/listing.html", tag: Tag | None = None,
                   ) -> HttpResponse:  # fmt: skip
    """Filter, page and facet `works` (already visible to the viewer; only those carrying
    `tag` when given) and render them."""
    listing = apply_filters(works, request.GET, request, tag=tag)
    page = page_of(listing.rows, request.GET.get("page"))
    facets, sampled = facets_for(listing.rows, page)
    notes = listing.notes + ([page.note] if page.note else [])
    return render(request, template, {
        **context, "listing": listing, "page": page, "facets": facets,
        "facets_sampled": sampled, "notes": notes,
        "page_query": query_without(request.GET, "page"),
        "muted_query": query_without(request.GET, "page", "show_muted"),
        "chosen_include": set(listing.form.valid_data().get("include_ids", [])),
        "chosen_exclude": set(listing.form.valid_data().get("exclude_ids", [])),
    })  # fmt: skip


def works_index(request: HttpRequest) -> HttpResponse:
    works = Work.objects.visible_to(request.user)
    return render_listing(request, works, {"heading": "Works", "searching": False})


def search(request: HttpRequest) -> HttpResponse:
    works = Work.objects.visible_to(request.user)
    return render_listing(request, works, {"heading": "Search works", "searching": True})


def tag_by_name(name: str) -> Tag:
    """The tag of a URL (AO3's escapes such as *s* for "/" accepted), canonical first."""
    key = name_key(unescape_tag_name(name))
    tags = Tag.objects.filter(type__in=TagType.values, name_key=key).order_by("-canonical", "pk")
    return get_object_or_404(tags[:1])


def tag_works(request: HttpRequest, name: str) -> HttpResponse:
    tag = tag_by_name(name)
    if not tag.canonical and tag.synonym_of_id:
        url = reverse("tag_works", args=[tag.synonym_of.name])
        query = request.GET.urlencode()
        return redirect(f"{url}?{query}" if query else url)
    works = Work.objects.visible_to(request.user)
    context = {"heading": f"Works in {tag.name}", "tag": tag, "searching": False}
    return render_listing(request, works, context, tag=tag)


def user_works(request: HttpRequest, username: str) -> HttpResponse:
    owner = get_object_or_404(get_user_model(), username__iexact=username, is_active=True)
    works = Work.objects.visible_to(request.user).by_user(owner).named_for(request.user)
    context = {"heading": f"Works by {owner.username}", "owner": owner, "searching": False}
    return render_listing(request, works, context)


def pseud_works(request: HttpRequest, username: str, pseud_name: str) -> HttpResponse:
    pseud = get_object_or_404(
        Pseud.objects.select_related("user"), user__username__iexact=username,
        user__is_active=True, name__iexact=pseud_name,
    )  # fmt: skip
    works = Work.objects.visible_to(request.user).filter(creatorships__pseud=pseud)
    works = works.named_for(request.user)
    context = {"heading": f"Works by {pseud.byline}", "pseud": pseud, "searching": False}
    return render_listing(request, works, context)
