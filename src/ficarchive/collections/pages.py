"""Reading a collection: the index of collections, a collection's front page, profile,
works (every filter, the blocklist and facets, through discovery's apply_filters),
bookmarks, participants and Atom feed."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_POST

from ficarchive.core.replica import may_read_replica
from ficarchive.discovery.filters import without_filters
from ficarchive.discovery.views import render_listing
from ficarchive.feedback.models import Bookmark
from ficarchive.feedback.services.bookmarks import visible_bookmarks
from ficarchive.text.characters import xml_safe
from ficarchive.text.sanitize import html_to_plain_text
from ficarchive.works.models import Work

from . import news
from .access import collection_named, shown_items, work_counts, works_of, works_shown
from .models import Collection, Participant
from .services import is_maintainer

FEED_SIZE = 20


def _context(request, collection: Collection, **extra) -> dict:
    return {
        "collection": collection,
        "maintainer": is_maintainer(collection, request.user),
        "subscribed": news.is_subscribed(request.user, collection),
        **extra,
    }


@may_read_replica
def index(request):
    collections = Collection.objects.filter(parent=None)
    q = request.GET.get("q", "").strip()[:100]
    if q:
        collections = collections.filter(Q(title__icontains=q) | Q(name__icontains=q))
    page = Paginator(collections.order_by("title", "pk"), 30).get_page(request.GET.get("page"))
    counts = work_counts(page.object_list, request)
    for collection in page.object_list:
        collection.works_count = counts.get(collection.pk, 0)
    return render(request, "collections/index.html", {"page": page, "q": q})


def show(request, name: str):
    collection = collection_named(name)
    listed = works_shown(collection, request)
    works = listed.works.listing().order_by("-updated_at", "-pk")
    return render(request, "collections/show.html", _context(
        request, collection, works=works[:5], works_count=works.count(), shown=listed,
        children=collection.children.order_by("title"),
        show_creators=is_maintainer(collection, request.user),
    ))  # fmt: skip


def profile(request, name: str):
    collection = collection_named(name)
    maintainers = Participant.objects.filter(
        collection=collection, role__in=Participant.MAINTAINERS
    ).select_related("user")
    return render(request, "collections/profile.html",
                  _context(request, collection, maintainers=maintainers))  # fmt: skip


@may_read_replica
def works(request, name: str):
    collection = collection_named(name)
    context = _context(request, collection, heading=f"Works in {collection.title}",
                       searching=False, show_creators=is_maintainer(collection, request.user))  # fmt: skip
    return render_listing(
        request, works_of(collection, request.user), context, template="collections/works.html"
    )


def bookmarks(request, name: str):
    collection = collection_named(name)
    ids = shown_items(collection).exclude(bookmark=None).values("bookmark_id")
    marks = (
        visible_bookmarks(Bookmark.objects.filter(pk__in=ids, private=False), request.user)
        .select_related("user", "work", "series")
        .prefetch_related("tags", "work__creatorships__pseud__user")
        .order_by("-created_at", "-pk")
    )
    page = Paginator(marks, 20).get_page(request.GET.get("page"))
    return render(request, "collections/bookmarks.html", _context(request, collection, page=page))


def participants(request, name: str):
    """Its maintainers and members with their roles, and the creators it shows (only those
    of works whose creators readers may know)."""
    collection = collection_named(name)
    roles = Participant.objects.filter(collection=collection).select_related("user")
    shown = works_of(collection, request.user).filter(anonymous=False)
    from ficarchive.accounts.models import Pseud

    creators = Pseud.objects.filter(creatorships__work__in=shown.values("pk")).distinct()
    return render(request, "collections/participants.html", _context(
        request, collection, roles=roles, creators=creators.select_related("user")[:500]
    ))  # fmt: skip


@may_read_replica
def feed(request, name: str):
    collection = collection_named(name)
    shown = without_filters(Work.objects.visible_to(request.user), request)
    ids = shown_items(collection).exclude(work=None).values("work_id")
    works = shown.filter(pk__in=ids).order_by("-updated_at", "-pk").listing()[:FEED_SIZE]
    url = request.build_absolute_uri(collection.get_absolute_url())
    # Every piece of text through xml_safe, as the tag feed: no stored character breaks it.
    description = html_to_plain_text(collection.description) or collection.title
    atom = Atom1Feed(title=xml_safe(f"{collection.title} works"), link=url + "/works",
                     description=xml_safe(description),
                     feed_url=request.build_absolute_uri())  # fmt: skip
    for work in works:
        link = request.build_absolute_uri(work.get_absolute_url())
        atom.add_item(title=xml_safe(work.title), link=link, unique_id=link,
                      updateddate=work.updated_at, author_name=xml_safe(work.public_byline),
                      description=xml_safe(html_to_plain_text(work.summary)))  # fmt: skip
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    atom.write(response, "utf-8")
    return response


@login_required
@require_POST
def subscribe(request, name: str):
    collection = collection_named(name)
    if request.POST.get("action") == "unsubscribe":
        news.unsubscribe(request.user, collection)
        messages.success(request, f"You no longer follow “{collection.title}”.")
    else:
        news.subscribe(request.user, collection)
        messages.success(request, f"You will hear of new works in “{collection.title}”.")
    return redirect(collection)
