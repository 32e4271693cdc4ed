"""Listings of works (all works, a tag's, a creator's) and search, all through apply_filters."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from ficarchive.accounts.models import Pseud
from ficarchive.core.listing import shown
from ficarchive.core.replica import may_read_replica
from ficarchive.site_pages import news as site_news
from ficarchive.tags.models import Tag
from ficarchive.works.models import Work

from .chips import filter_chips
from .facets import facets_for
from .filters import apply_filters
from .paging import page_of
from .tag_pages import tag_context, tag_for_reader, to_canonical_works

RECENT_ON_HOME = 10


@may_read_replica
def home(request: HttpRequest) -> HttpResponse:
    """The front page: the archive's latest news, and the latest works the reader may see, the
    blocklist applied (with its note) as on every list of works (core.listing)."""
    recent = shown(request, Work.objects.visible_to(request.user))
    works = recent.works.listing().order_by("-updated_at")[:RECENT_ON_HOME]
    context = {"works": works, "shown": recent, "news": site_news.latest()}
    return render(request, "discovery/home.html", context)


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
        "chips": filter_chips(request.GET, listing),
        "chosen_include": set(listing.form.valid_data().get("include_ids", [])),
        "chosen_exclude": set(listing.form.valid_data().get("exclude_ids", [])),
    })  # fmt: skip


@may_read_replica
def works_index(request: HttpRequest) -> HttpResponse:
    works = Work.objects.visible_to(request.user)
    return render_listing(request, works, {"heading": "Works", "searching": False})


@may_read_replica
def search(request: HttpRequest) -> HttpResponse:
    works = Work.objects.visible_to(request.user)
    return render_listing(request, works, {"heading": "Search works", "searching": True})


@may_read_replica
def tag_works(request: HttpRequest, name: str) -> HttpResponse:
    tag = tag_for_reader(request, name, request.GET.get("type"))
    moved = to_canonical_works(request, tag)
    if moved:
        return moved
    works = Work.objects.visible_to(request.user)
    context = {"heading": f"Works in {tag.name}", "tag": tag, "searching": False}
    return render_listing(request, works, context, tag=tag)


@may_read_replica
def tag_page(request: HttpRequest, name: str) -> HttpResponse:
    """/tags/NAME: the tag box (type, parents, synonyms, children) above the tag's works; a
    synonym's box (what it is a synonym of, its wrangling) is above its canonical tag's works."""
    tag = tag_for_reader(request, name, request.GET.get("type"))
    listed = tag.filterable or tag
    works = Work.objects.visible_to(request.user)
    context = {"heading": tag.name, "tag": listed, "box_tag": tag, "searching": False,
               "tag_box": True, **tag_context(request, tag, name)}  # fmt: skip
    return render_listing(request, works, context, tag=listed)


@may_read_replica
def user_works(request: HttpRequest, username: str) -> HttpResponse:
    owner = get_object_or_404(get_user_model(), username__iexact=username, is_active=True)
    works = Work.objects.visible_to(request.user).by_user(owner).named_for(request.user)
    context = {"heading": f"Works by {owner.username}", "owner": owner, "searching": False}
    return render_listing(request, works, context)


@may_read_replica
def pseud_works(request: HttpRequest, username: str, pseud_name: str) -> HttpResponse:
    pseud = get_object_or_404(
        Pseud.objects.select_related("user"), user__username__iexact=username,
        user__is_active=True, name__iexact=pseud_name,
    )  # fmt: skip
    works = Work.objects.visible_to(request.user).filter(creatorships__pseud=pseud)
    works = works.named_for(request.user)
    context = {"heading": f"Works by {pseud.byline}", "pseud": pseud, "searching": False}
    return render_listing(request, works, context)
