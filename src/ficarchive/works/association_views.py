"""Pages for a work's associations: a user's gifts and refusing one, a work's related works
and approving a link, and orphaning (one work, a series, or everything)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ficarchive.core.listing import shown

from . import orphaning
from .access import own_work, readable_work
from .gifts import gifts_for, refuse_gift
from .models import Gift, RelatedWork, Series, Work
from .related import answer_link, children_shown


def gifts(request, username: str):
    owner = get_object_or_404(get_user_model(), username__iexact=username, is_active=True)
    own = request.user.is_authenticated and request.user.pk == owner.pk
    # As every list of works (core.listing): the blocklist drops a muted gift from someone
    # else's page, and folds it on the recipient's own.
    listed = shown(request, gifts_for(owner, request.user), fold=own)
    works = listed.works.listing().order_by("-updated_at", "-pk")
    refused = None
    if own:
        refused = gifts_for(owner, request.user, refused=True).listing()
    return render(request, "works/gifts.html",
                  {"owner": owner, "works": works[:100], "refused": refused, "shown": listed})  # fmt: skip


@login_required
@require_POST
def refuse(request, work_id: int):
    gift = Gift.objects.filter(work_id=work_id, pseud__user=request.user, refused=False).first()
    if gift is None:
        messages.error(request, "There is no gift to you on this work.")
    else:
        refuse_gift(gift, request.user)
        messages.success(request, "You refused the gift: the work no longer names you.")
    return redirect("user_gifts", request.user.username)


@never_cache
def related_works(request, work_id: int):
    work = readable_work(request, work_id)
    waiting = []
    if work.is_creator(request.user):
        if request.method == "POST":
            link = get_object_or_404(RelatedWork, pk=request.POST.get("link") or 0, parent=work)
            answer_link(link, request.user, request.POST.get("action") == "approve")
            messages.success(request, "Your answer is saved.")
            return redirect("related_works", work.pk)
        visible = Work.objects.visible_to(request.user).values("pk")
        waiting = RelatedWork.objects.filter(parent=work, approved=False, work__in=visible)
    return render(request, "works/related_works.html", {
        "work": work, "children": children_shown(work, request),
        "waiting": waiting.select_related("work") if waiting else [],
    })  # fmt: skip


def _orphan(request, works, what: str, back):
    if request.method == "POST":
        if request.POST.get("confirm") != "yes":
            messages.error(request, "Tick the box to confirm: orphaning can't be undone.")
        else:
            keep = request.POST.get("pseud") == "keep"
            try:
                done = orphaning.orphan_works(request.user, works, keep_name=keep)
            except ValueError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, f"{done} work{'s' if done != 1 else ''} orphaned.")
                return redirect("dashboard")
    return render(request, "works/orphan.html", {"works": works, "what": what, "back": back})


@never_cache
@login_required
def orphan_work(request, work_id: int):
    work = own_work(request, work_id)
    return _orphan(request, [work], f"“{work.title}”", work.get_absolute_url())


@never_cache
@login_required
def orphan_series(request, series_id: int):
    series = get_object_or_404(Series, pk=series_id, owner=request.user)
    works = list(Work.objects.by_user(request.user).filter(series=series))
    return _orphan(request, works, f"the series “{series.title}”", series.get_absolute_url())


@never_cache
@login_required
def orphan_all(request):
    works = list(Work.objects.by_user(request.user))
    return _orphan(request, works, "all your works", "/dashboard")
