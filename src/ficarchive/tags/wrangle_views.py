"""Wrangling pages, for the "wranglers" group and superusers only."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from ficarchive.core.access import role_required

from . import wrangling
from .forms import MediaForm, ParentForm, RenameForm, TagNameForm, UnwrangledFilterForm
from .models import Tag, TagType
from .wrangling import FIXED_TYPES, WranglingError

PER_PAGE = 50


wrangler_required = role_required(lambda user: user.is_wrangler, "Only tag wranglers may do this.")


@wrangler_required
def unwrangled(request):
    """Tags waiting for a wrangler, by type and fandom, the most used first."""
    from ficarchive.works.models import WorkFilterTag

    form = UnwrangledFilterForm(request.GET or None)
    tags = Tag.objects.filter(canonical=False, synonym_of=None).exclude(type__in=FIXED_TYPES)
    fandom = None
    if form.is_valid():
        if form.cleaned_data["type"]:
            tags = tags.filter(type=form.cleaned_data["type"])
        if form.cleaned_data["fandom"]:
            fandom = Tag.objects.named(TagType.FANDOM, form.cleaned_data["fandom"]).first()
            fandom = fandom.filterable if fandom else None
            if fandom is None:
                form.add_error("fandom", "There is no canonical fandom of that name.")
                tags = tags.none()
            else:
                works = WorkFilterTag.objects.filter(tag=fandom).values("work_id")
                tags = tags.filter(worktag__work_id__in=works)
    tags = tags.annotate(uses=Count("worktag", distinct=True)).order_by("-uses", "name_key")
    page = Paginator(tags, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "tags/wrangle/unwrangled.html", {"form": form, "page": page})


@wrangler_required
def wrangle_tag(request, pk: int):
    tag = get_object_or_404(Tag.objects.select_related("synonym_of"), pk=pk)
    return render(request, "tags/wrangle/tag.html", _tag_context(tag))


def _tag_context(tag: Tag, **forms) -> dict:
    return {
        "tag": tag,
        "fixed": tag.type in FIXED_TYPES,
        "synonyms": tag.synonyms.order_by("name_key"),
        "parents": tag.parents.order_by("type", "name_key"),
        "children": tag.children.order_by("type", "name_key"),
        "actions": tag.wrangling_actions.select_related("user")[:20],
        "synonym_form": forms.get("synonym") or TagNameForm(tag_type=tag.type, prefix="synonym"),
        "merge_form": forms.get("merge") or TagNameForm(tag_type=tag.type, prefix="merge"),
        "parent_form": forms.get("parent") or ParentForm(prefix="parent"),
        "rename_form": forms.get("rename")
        or RenameForm(prefix="rename", initial={"name": tag.name}),
        "media_form": forms.get("media") or MediaForm(prefix="media", initial={"media": tag.media}),
    }


def _done(request, tag: Tag, message: str):
    messages.success(request, message)
    return redirect("wrangle_tag", tag.pk)


def _invalid(request, tag: Tag, **forms):
    return render(request, "tags/wrangle/tag.html", _tag_context(tag, **forms), status=400)


@require_POST
@wrangler_required
def wrangle_action(request, pk: int, action: str):
    tag = get_object_or_404(Tag.objects.select_related("synonym_of"), pk=pk)
    user = request.user
    try:
        if action == "canonical":
            wrangling.make_canonical(tag, user)
            return _done(request, tag, f"{tag.name} is canonical.")
        if action == "uncanonical":
            wrangling.make_not_canonical(tag, user)
            return _done(request, tag, f"{tag.name} is no longer canonical.")
        if action == "unsynonym":
            wrangling.remove_synonym(tag, user)
            return _done(request, tag, f"{tag.name} is no longer a synonym.")
        if action in ("synonym", "merge"):
            form = TagNameForm(request.POST, tag_type=tag.type, prefix=action)
            if not form.is_valid():
                return _invalid(request, tag, **{action: form})
            target = form.cleaned_data["name"]
            if action == "synonym":
                wrangling.make_synonym(tag, target, user)
                return _done(request, tag, f"{tag.name} is now a synonym of {target.name}.")
            wrangling.merge(tag, target, user)
            return _done(request, tag, f"{tag.name} is merged into {target.name}.")
        if action == "add-parent":
            form = ParentForm(request.POST, prefix="parent")
            if not form.is_valid():
                return _invalid(request, tag, parent=form)
            wrangling.add_parent(tag, form.cleaned_data["parent"], user)
            return _done(request, tag, f"{form.cleaned_data['parent'].name} is a parent now.")
        if action == "remove-parent":
            parent = get_object_or_404(Tag, pk=request.POST.get("parent"))
            wrangling.remove_parent(tag, parent, user)
            return _done(request, tag, f"{parent.name} is no longer a parent.")
        if action == "media":
            form = MediaForm(request.POST, prefix="media")
            if not form.is_valid():
                return _invalid(request, tag, media=form)
            wrangling.set_media(tag, form.cleaned_data["media"], user)
            return _done(
                request,
                tag,
                f"{tag.name} is listed under {', '.join(tag.media) or 'Uncategorized Fandoms'}.",
            )
        if action == "rename":
            form = RenameForm(request.POST, prefix="rename")
            if not form.is_valid():
                return _invalid(request, tag, rename=form)
            wrangling.rename(tag, form.cleaned_data["name"], user)
            return _done(request, tag, f"Renamed to {tag.name}.")
    except WranglingError as error:
        messages.error(request, str(error))
        return redirect("wrangle_tag", tag.pk)
    raise PermissionDenied("Unknown wrangling action.")
