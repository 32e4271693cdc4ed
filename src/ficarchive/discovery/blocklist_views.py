"""The reader's blocklist pages: muted tags for everyone (guests keep them in a cookie),
muted creators for signed-in readers."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from ficarchive.accounts.models import Mute
from ficarchive.tags.models import Tag

from . import services
from .blocklist import GUEST_LIMIT, guest_tag_ids, set_guest_tag_ids
from .models import MutedTag
from .tagsets import tags_named


class MuteTagForm(forms.Form):
    name = forms.CharField(label="Tag to mute", max_length=150)


class MuteCreatorForm(forms.Form):
    username = forms.CharField(label="Creator to mute (username)", max_length=150)


def _back(request: HttpRequest):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}):
        return redirect(target)
    return redirect("blocklist")


@never_cache
def blocklist(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        muted_tags = [
            m.tag for m in MutedTag.objects.filter(user=request.user).select_related("tag")
        ]
        muted_users = Mute.objects.filter(muter=request.user).select_related("muted")
    else:
        muted_tags = list(Tag.objects.filter(pk__in=guest_tag_ids(request)).order_by("name"))
        muted_users = []
    return render(request, "discovery/blocklist.html", {
        "muted_tags": muted_tags, "muted_users": muted_users,
        "tag_form": MuteTagForm(), "creator_form": MuteCreatorForm(),
    })  # fmt: skip


@require_POST
def mute_tag(request: HttpRequest) -> HttpResponse:
    form = MuteTagForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the name of a tag to mute.")
        return _back(request)
    tags, unknown = tags_named([form.cleaned_data["name"]], request.user)
    if unknown:
        messages.error(request, f"There is no tag named “{unknown[0]}”.")
        return _back(request)
    if request.user.is_authenticated:
        try:
            for tag in tags:
                services.mute_tag(request.user, tag)
        except ValueError as error:
            messages.error(request, str(error))
            return _back(request)
        response = _back(request)
    else:
        ids = guest_tag_ids(request)
        if len(ids) + len(tags) > GUEST_LIMIT:
            messages.error(request, f"You can mute at most {GUEST_LIMIT} tags without an account.")
            return _back(request)
        response = _back(request)
        set_guest_tag_ids(response, ids + [t.pk for t in tags])
    messages.success(request, f"Works tagged {', '.join(t.name for t in tags)} are now hidden.")
    return response


@require_POST
def unmute_tag(request: HttpRequest, tag_id: int) -> HttpResponse:
    response = _back(request)
    if request.user.is_authenticated:
        services.unmute_tag(request.user, tag_id)
    else:
        set_guest_tag_ids(response, [t for t in guest_tag_ids(request) if t != tag_id])
    messages.success(request, "That tag is no longer muted.")
    return response


@require_POST
def mute_creator(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return redirect(f"/login/?next={request.path}")
    form = MuteCreatorForm(request.POST)
    username = form.cleaned_data["username"] if form.is_valid() else ""
    muted = get_user_model().objects.filter(username__iexact=username).first()
    if muted is None:
        messages.error(request, f"There is no creator named “{username}”.")
        return _back(request)
    try:
        services.mute_creator(request.user, muted)
    except ValueError as error:
        messages.error(request, str(error))
        return _back(request)
    messages.success(request, f"Works by {muted.username} are now hidden.")
    return _back(request)


@require_POST
def unmute_creator(request: HttpRequest, user_id: int) -> HttpResponse:
    if request.user.is_authenticated:
        services.unmute_creator(request.user, user_id)
        messages.success(request, "That creator is no longer muted.")
    return _back(request)
