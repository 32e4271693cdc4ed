"""The skins pages: an owner's list, writing and deleting, choosing the site skin in use, and
each skin's stylesheet at its own URL (the CSP allows no inline style)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import get_conditional_response
from django.views.decorators.http import require_POST

from . import services
from .forms import SkinForm
from .models import Skin

YEAR = 365 * 86400


def _own_skin(request, skin_id: int) -> Skin:
    return get_object_or_404(Skin, pk=skin_id, owner=request.user)


@login_required
def skins(request):
    mine = Skin.objects.filter(owner=request.user).prefetch_related("uses__work")
    return render(
        request,
        "skins/skins.html",
        {
            "work_skins": [s for s in mine if s.kind == Skin.WORK],
            "site_skins": [s for s in mine if s.kind == Skin.SITE],
        },
    )


def _edit(request, kind: str, skin: Skin | None):
    initial = {"title": skin.title, "css": skin.css} if skin else None
    form = SkinForm(request.POST or None, owner=request.user, kind=kind, skin=skin, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_skin(request.user, kind=kind, skin=skin, **form.cleaned_data)
        except services.SkinRefused as refused:
            form.add_error("css", [str(d) for d in refused.dropped])
        else:
            messages.success(request, f"Skin “{saved.title}” saved.")
            return redirect("skins")
    context = {"form": form, "skin": skin, "kind": kind, "kind_label": dict(Skin.KINDS)[kind]}
    return render(request, "skins/skin_form.html", context)


@login_required
def new_skin(request, kind: str):
    if kind not in (Skin.WORK, Skin.SITE):
        raise Http404("There is no such kind of skin.")
    return _edit(request, kind, None)


@login_required
def edit_skin(request, skin_id: int):
    skin = _own_skin(request, skin_id)
    return _edit(request, skin.kind, skin)


@login_required
def delete_skin(request, skin_id: int):
    skin = _own_skin(request, skin_id)
    if request.method == "POST":
        services.delete_skin(skin)
        messages.success(request, f"Skin “{skin.title}” was deleted.")
        return redirect("skins")
    return render(request, "skins/confirm_delete.html", {"skin": skin})


@login_required
@require_POST
def hide_work_skins(request):
    """The Preferences page's "Hide work skins" form."""
    hide = request.POST.get("hide_work_skins") == "on"
    services.set_hide_work_skins(request.user, hide)
    if hide:
        messages.success(request, "Works are shown in the archive's own look from now on.")
    else:
        messages.success(request, "Works are shown in their creators' skins again.")
    return redirect("preferences")


@login_required
@require_POST
def use_site_skin(request, skin_id: int):
    skin = _own_skin(request, skin_id)
    if skin.kind != Skin.SITE:
        raise Http404("Only a site skin can be used for the whole site.")
    on = request.POST.get("use") == "on"
    services.use_site_skin(request.user, skin if on else None)
    if on:
        messages.success(request, f"Every page now wears “{skin.title}” for you.")
    else:
        messages.success(request, "The site's own look is back.")
    return redirect("skins")


def stylesheet(request, skin_id: int, digest: str):
    """A skin's CSS. A work skin is public (the works that wear it are the CSS's audience); a
    site skin is its owner's alone. At the current digest the file never changes, so browsers
    keep it for a year; at an old one (a page kept from before an edit) the current CSS is
    sent, not to be kept."""
    skin = get_object_or_404(Skin, pk=skin_id)
    if skin.kind == Skin.SITE and skin.owner_id != request.user.id:
        raise Http404("There is no such skin.")
    etag = f'"{skin.digest}"'
    response = get_conditional_response(request, etag=etag) or HttpResponse(
        skin.compiled, content_type="text/css; charset=utf-8"
    )
    audience = "public" if skin.kind == Skin.WORK else "private"
    kept = f"max-age={YEAR}, immutable" if digest == skin.digest else "no-cache"
    response["Cache-Control"] = f"{audience}, {kept}"
    response["ETag"] = etag
    response["X-Content-Type-Options"] = "nosniff"
    return response
