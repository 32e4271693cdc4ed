"""The reading pages, with AO3's URLs and markup: /works/ID (the first chapter, or the whole
work), /works/ID/chapters/ID, ?view_full_work=true, /works/ID/navigate."""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404
from django.shortcuts import render

from ficarchive.accounts.middleware import ADULT_COOKIE, consents_to_adult
from ficarchive.core.holes import personal_to
from ficarchive.core.replica import may_read_replica
from ficarchive.core.signals import work_read

from .access import readable_chapters, readable_work


def _flag(request, name: str) -> bool | None:
    value = request.GET.get(name, "").lower()
    if value in {"true", "1", "yes"}:
        return True
    if value in {"false", "0", "no"}:
        return False
    return None


def _creators_see_their_own(request, work) -> None:
    """A work's page shows its creators more than others (edit links, drafts, moderation)."""
    personal_to(request, (c.pseud.user_id for c in work.creatorships.all()))


def _adult_gate(request, work):
    """AO3's question before a Mature, Explicit or Not Rated work; ?view_adult=true answers it
    for the rest of the visit (a cookie, set by _remember_consent), and the reader's preference
    answers it for good."""
    if not work.is_adult or work.is_creator(request.user):
        return None
    if _flag(request, "view_adult"):
        request.adult_consent_given = True
        return None
    if consents_to_adult(request) or getattr(request.reader_prefs, "view_adult", False):
        return None
    proceed = request.GET.copy()
    proceed["view_adult"] = "true"
    return render(request, "works/adult.html", {"work": work, "proceed": proceed.urlencode()})


def _remember_consent(request, response):
    if getattr(request, "adult_consent_given", False) and not consents_to_adult(request):
        response.set_cookie(
            ADULT_COOKIE, "1", samesite="Lax", httponly=True,
            secure=settings.SESSION_COOKIE_SECURE,
        )  # fmt: skip
    return response


def _hide_notes(request) -> bool:
    chosen = _flag(request, "hide_notes")
    if chosen is not None:
        return chosen
    return bool(getattr(request.reader_prefs, "hide_creator_notes", False))


def _query(request, **changes) -> str:
    params = {k: v for k, v in request.GET.items() if k in {"view_full_work", "hide_notes"}}
    params.update({k: v for k, v in changes.items() if v is not None})
    return "?" + urlencode(params) if params else ""


def _show(request, work, chapters, shown, *, chapter, whole):
    work_read.send(
        sender=None, request=request, work_id=work.pk, chapter_id=chapter and chapter.pk,
        work=work, chapter=chapter,
    )  # fmt: skip
    index = chapters.index(chapter) if chapter in chapters else -1
    hide = _hide_notes(request)
    context = {
        "work": work,
        "chapters": chapters,
        "shown": shown,
        "chapter": chapter,
        "whole": whole,
        "previous_chapter": chapters[index - 1] if index > 0 else None,
        "next_chapter": chapters[index + 1] if 0 <= index < len(chapters) - 1 else None,
        "is_creator": work.is_creator(request.user),
        "hide_notes": hide,
        "show_end_notes": whole or index == len(chapters) - 1,
        "show_preface": whole or index <= 0,  # AO3: the summary and notes with chapter 1 only
        "notes_toggle": _query(request, hide_notes="false" if hide else "true"),
        "full_work_query": _query(request, view_full_work="true"),
        "status_date": max((c.published_on for c in chapters if c.posted), default=None)
        or work.published_on,
        "series_parts": work.series_parts.select_related("series").order_by("pk"),
    }
    return render(request, "works/work.html", context)


@may_read_replica(guests_only=True)
def work(request, work_id: int):
    work = readable_work(request, work_id)
    _creators_see_their_own(request, work)
    if gate := _adult_gate(request, work):
        return gate
    chapters = readable_chapters(request, work)
    full = _flag(request, "view_full_work")
    if full is None:
        full = bool(getattr(request.reader_prefs, "view_full_work", False))
    if full or len(chapters) <= 1:
        response = _show(request, work, chapters, chapters, chapter=None, whole=True)
    else:
        response = _show(request, work, chapters, chapters[:1], chapter=chapters[0], whole=False)
    return _remember_consent(request, response)


@may_read_replica(guests_only=True)
def chapter(request, work_id: int, chapter_id: int):
    work = readable_work(request, work_id)
    _creators_see_their_own(request, work)
    if gate := _adult_gate(request, work):
        return gate
    chapters = readable_chapters(request, work)
    current = next((c for c in chapters if c.pk == chapter_id), None)
    if current is None:
        raise Http404("There is no such chapter, or it isn't open to you.")
    response = _show(request, work, chapters, [current], chapter=current, whole=len(chapters) == 1)
    return _remember_consent(request, response)


def navigate(request, work_id: int):
    work = readable_work(request, work_id)
    _creators_see_their_own(request, work)
    chapters = readable_chapters(request, work)
    return render(
        request,
        "works/navigate.html",
        {"work": work, "chapters": chapters, "is_creator": work.is_creator(request.user)},
    )
