"""A creator's dashboard and the series pages."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from .forms import SeriesForm
from .invitations import invitations_for
from .models import Series, SeriesWork, Work
from .series import update_series


@never_cache
@login_required
def dashboard(request):
    own = Work.objects.visible_to(request.user).by_user(request.user).listing()
    return render(
        request,
        "works/dashboard.html",
        {
            "works": own.filter(posted=True).order_by("-updated_at"),
            "drafts": own.filter(posted=False).order_by("-updated_at"),
            "series_list": Series.objects.filter(owner=request.user).order_by("title"),
            "invitations": invitations_for(request.user),
        },
    )


def series(request, series_id: int):
    series = get_object_or_404(Series.objects.select_related("owner"), pk=series_id)
    visible = Work.objects.visible_to(request.user).listing()
    parts = [
        (part.position, part.work)
        for part in SeriesWork.objects.filter(series=series, work__in=visible)
        .select_related("work")
        .order_by("position", "pk")
    ]
    is_owner = request.user.is_authenticated and request.user.pk == series.owner_id
    if not parts and not is_owner:
        raise Http404("There is no series here, or none of its works is open to you.")
    works = {w.pk: w for w in visible.filter(pk__in=[w.pk for _, w in parts])}
    shown = [(pos, works[w.pk]) for pos, w in parts]
    return render(
        request,
        "works/series.html",
        {
            "series": series, "parts": shown, "is_owner": is_owner,
            "words": sum(w.word_count for _, w in shown),
            # a series holding an anonymous work would name that work's creator
            "owner_hidden": any(not w.creators_known_to(request.user) for _, w in shown),
        },
    )  # fmt: skip


@login_required
def edit_series(request, series_id: int):
    series = get_object_or_404(Series, pk=series_id)
    if series.owner_id != request.user.pk:
        raise PermissionDenied("Only the series' owner can change it.")
    form = SeriesForm(
        request.POST or None,
        initial={"title": series.title, "summary": series.summary, "notes": series.notes,
                 "complete": series.complete},
    )  # fmt: skip
    if request.method == "POST" and form.is_valid():
        update_series(series, **form.cleaned_data)
        messages.success(request, "Series updated.")
        return redirect(series)
    return render(request, "works/series_form.html", {"form": form, "series": series})
