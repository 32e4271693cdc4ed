"""Posting and editing pages: works, chapters, drafts, previews, deleting, reordering.

Each page validates with a form and calls one service; a refused post shows the author's input
again with the reasons, and a preview shows the cleaned text without saving anything."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ficarchive.core.ratelimit import actor_key, hit_limit
from ficarchive.text.sanitize import sanitize_fiction_html

from . import chapters as chapter_services
from . import services
from .access import own_chapter, own_work
from .form_parts import save_parts
from .forms import ChapterForm, ReorderForm, WorkForm, initial_for
from .series import place_in_series

POSTS_PER_HOUR = 60
TOO_MANY = "You've posted a lot in the last hour. Please wait a little before posting again."


def _limited(request) -> bool:
    return hit_limit("post", actor_key(request), POSTS_PER_HOUR, 3600)


def _action(request) -> str:
    return request.POST.get("action", "post")


def _chapter_preview(form: ChapterForm) -> dict:
    d = form.cleaned_data
    return {key: sanitize_fiction_html(d[key]) for key in ("summary", "notes", "end_notes", "body")} | {
        "title": d["title"], "label": d["label"]
    }  # fmt: skip


def _work_preview(form: WorkForm) -> dict:
    d = form.cleaned_data
    credited = {c.pseud_id for c in form.work.creatorships.all()} if form.work else set()
    others = d["co_creators"]
    return {
        "title": d["title"], "rating": d["rating"],
        "creators": list(d["pseuds"]) + [p for p in others if p.pk in credited],
        "invited": [p for p in others if p.pk not in credited],
        "warnings": d["warnings"], "categories": d["categories"], "fandoms": d["fandoms"],
        "relationships": d["relationships"], "characters": d["characters"],
        "freeforms": d["freeforms"],
        **{key: sanitize_fiction_html(d[key]) for key in ("summary", "notes", "end_notes")},
    }  # fmt: skip


@login_required
def new_work(request):
    form = WorkForm(request.POST or None, user=request.user)
    chapter_form = ChapterForm(request.POST or None, prefix="chapter")
    del chapter_form.fields["published_on"]
    preview = None
    if request.method == "POST" and form.is_valid() & chapter_form.is_valid():
        if _action(request) == "preview":
            preview = {"work": _work_preview(form), "chapter": _chapter_preview(chapter_form)}
        elif _limited(request):
            form.add_error(None, TOO_MANY)
        else:
            c = chapter_form.cleaned_data
            try:
                work = services.post_work(
                    **form.work_fields(), **form.series_fields(), body=c["body"],
                    chapter_title=c["title"], chapter_label=c["label"],
                    chapter_summary=c["summary"], chapter_notes=c["notes"],
                    chapter_end_notes=c["end_notes"], draft=_action(request) == "draft",
                    before_announce=lambda w: save_parts(w, form, request.user),
                )  # fmt: skip
            except ValueError as error:
                form.add_error(None, str(error))
            else:
                messages.success(
                    request, "Work saved as a draft." if not work.posted else "Work posted."
                )
                return redirect(work)
    return render(
        request,
        "works/work_form.html",
        {"form": form, "chapter_form": chapter_form, "preview": preview, "work": None},
    )


@login_required
def edit_work(request, work_id: int):
    work = own_work(request, work_id)
    form = WorkForm(request.POST or None, user=request.user, work=work,
                    initial=initial_for(work, request.user))  # fmt: skip
    preview = None
    if request.method == "POST" and form.is_valid():
        if _action(request) == "preview":
            preview = {"work": _work_preview(form)}
        else:
            try:
                with transaction.atomic():
                    services.update_work(work, **form.work_fields())
                    s = form.series_fields()
                    place_in_series(work, request.user, series=s["series"],
                                    new_title=s["new_series_title"],
                                    position=s["series_position"])  # fmt: skip
                    save_parts(work, form, request.user)
                    services.announce_gifts(work)
            except ValueError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "Work updated.")
                return redirect(work)
    shared = len({c.pseud.user_id for c in work.creatorships.all()}) > 1
    return render(
        request,
        "works/work_form.html",
        {"form": form, "preview": preview, "work": work, "shared": shared},
    )


@login_required
def delete_work(request, work_id: int):
    work = own_work(request, work_id)
    if request.method == "POST":
        title = work.title
        services.delete_work(work)
        messages.success(request, f"“{title}” was deleted, with all its chapters.")
        return redirect("dashboard")
    return render(request, "works/confirm_delete.html", {"work": work, "chapter": None})


@login_required
@require_POST
def post_draft_work(request, work_id: int):
    work = own_work(request, work_id)
    if not work.posted:
        services.publish_work(work)
        messages.success(request, "Work posted.")
    return redirect(work)


@login_required
def new_chapter(request, work_id: int):
    work = own_work(request, work_id)
    form = ChapterForm(request.POST or None)
    preview = None
    if request.method == "POST" and form.is_valid():
        if _action(request) == "preview":
            preview = {"chapter": _chapter_preview(form)}
        elif _limited(request):
            form.add_error(None, TOO_MANY)
        else:
            chapter = chapter_services.add_chapter(
                work, **form.chapter_fields(), draft=_action(request) == "draft"
            )
            messages.success(
                request, "Chapter posted." if chapter.posted else "Chapter saved as a draft."
            )
            return redirect(chapter)
    return render(
        request,
        "works/chapter_form.html",
        {"form": form, "work": work, "chapter": None, "preview": preview},
    )


@login_required
def edit_chapter(request, work_id: int, chapter_id: int):
    work = own_work(request, work_id)
    chapter = own_chapter(work, chapter_id)
    initial = {k: getattr(chapter, k) for k in
               ("title", "label", "summary", "notes", "end_notes", "body", "published_on")}  # fmt: skip
    form = ChapterForm(request.POST or None, initial=initial)
    preview = None
    if request.method == "POST" and form.is_valid():
        if _action(request) == "preview":
            preview = {"chapter": _chapter_preview(form)}
        else:
            chapter_services.update_chapter(chapter, **form.chapter_fields())
            messages.success(request, "Chapter updated.")
            return redirect(chapter)
    return render(
        request,
        "works/chapter_form.html",
        {"form": form, "work": work, "chapter": chapter, "preview": preview},
    )


@login_required
@require_POST
def post_chapter(request, work_id: int, chapter_id: int):
    work = own_work(request, work_id)
    chapter = own_chapter(work, chapter_id)
    try:
        chapter_services.post_chapter(chapter)
    except ValueError as error:
        messages.error(request, str(error).capitalize() + ".")
    else:
        messages.success(request, "Chapter posted.")
    return redirect(chapter)


@login_required
def delete_chapter(request, work_id: int, chapter_id: int):
    work = own_work(request, work_id)
    chapter = own_chapter(work, chapter_id)
    if request.method == "POST":
        try:
            chapter_services.delete_chapter(chapter)
        except ValueError as error:
            messages.error(request, str(error).capitalize() + ".")
            return redirect(chapter)
        messages.success(request, "Chapter deleted.")
        return redirect(work)
    return render(request, "works/confirm_delete.html", {"work": work, "chapter": chapter})


@login_required
def manage_chapters(request, work_id: int):
    work = own_work(request, work_id)
    chapters = [c.show_position() for c in work.chapters.order_by("position")]
    form = ReorderForm(request.POST or None, chapters=chapters)
    if request.method == "POST" and form.is_valid():
        chapter_services.reorder_chapters(work, form.ordered_ids())
        messages.success(request, "Chapters reordered.")
        return redirect("navigate", work.pk)
    return render(request, "works/manage_chapters.html", {"form": form, "work": work})
