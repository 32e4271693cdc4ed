from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ficarchive.core.listing import shown
from ficarchive.discovery.filters import apply_filters
from ficarchive.discovery.forms import SORTS
from ficarchive.works.models import Series, Work

from ..forms import BookmarkForm
from ..models import Bookmark
from ..services import bookmarks as service
from .common import visible_work

PER_PAGE = 20


def _edit(request, *, work=None, series=None):
    target = work or series
    bookmark = service.bookmark_of(request.user, work=work, series=series)
    initial = {}
    if bookmark:
        initial = {"notes": bookmark.notes, "private": bookmark.private, "rec": bookmark.rec,
                   "tags": ", ".join(t.name for t in bookmark.tags.all())}  # fmt: skip
    form = BookmarkForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        service.save_bookmark(request.user, work=work, series=series, **form.cleaned_data)
        messages.success(request, "Your bookmark is saved.")
        return redirect(target.get_absolute_url())
    return render(
        request,
        "feedback/bookmark_form.html",
        {"form": form, "target": target, "bookmark": bookmark},
    )


@login_required
def bookmark_work(request, work_id):
    return _edit(request, work=visible_work(request, work_id))


@login_required
def bookmark_series(request, series_id):
    visible = Work.objects.visible_to(request.user)
    series = get_object_or_404(
        Series.objects.filter(parts__work__in=visible).distinct(), pk=series_id
    )
    return _edit(request, series=series)


@login_required
@require_POST
def delete_bookmark(request, bookmark_id):
    bookmark = get_object_or_404(Bookmark, pk=bookmark_id, user=request.user)
    service.delete_bookmark(bookmark)
    messages.success(request, "The bookmark is deleted.")
    return redirect("user_bookmarks", request.user.username)


def user_bookmarks(request, username):
    """A reader's bookmarks: the archive's work filters (ficarchive.discovery) narrow the
    bookmarked works; rec, private and the reader's own tags narrow the bookmarks. The
    viewer's blocklist hides works from someone else's bookmarks (with the note), and folds
    them in the reader's own."""
    owner = get_object_or_404(get_user_model(), username__iexact=username, is_active=True)
    is_owner = request.user == owner
    visible_marks = service.bookmarks_shown(owner, request.user)
    works = Work.objects.visible_to(request.user).filter(pk__in=visible_marks.values("work_id"))
    listing = apply_filters(
        works, request.GET, request, default_sort="updated", hide_muted=not is_owner
    )
    listed = shown(request, listing.works, fold=True) if is_owner else listing
    items = visible_marks.filter(work__in=listing.works.values("pk"))
    if request.GET.get("sort"):
        items = items.order_by(*[f"work__{field}" for field in SORTS[listing.sort][1]])
    if request.GET.get("rec") == "1":
        items = items.filter(rec=True)
    if request.GET.get("private") == "1":
        items = items.filter(private=True)
    tag = request.GET.get("tag", "").strip()
    if tag:
        items = items.filter(tags__name__iexact=tag)
    series_items = visible_marks.filter(series__isnull=False) if not request.GET.get("sort") else []
    page = Paginator(items, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "feedback/bookmarks.html",
        {"owner": owner, "page": page, "listing": listing, "facets": [], "tag": tag,
         "series_items": series_items, "is_owner": is_owner, "shown": listed,
         "chosen_include": set(), "chosen_exclude": set()},
    )  # fmt: skip
