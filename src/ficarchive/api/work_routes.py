"""Reading works over the API: the listing (the same filters, sorts and blocklist as /works/,
through discovery's apply_filters), search, one work with its chapter list, one chapter."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja import Router

from ficarchive.discovery.filters import apply_filters
from ficarchive.discovery.forms import SORTS
from ficarchive.discovery.paging import page_of
from ficarchive.works.access import NOT_FOUND, readable_chapters, readable_work
from ficarchive.works.models import Chapter, Work

from .schemas import ChapterOut, Error, WorkDetail, WorkPage

router = Router(tags=["works"])
MAX_PAGE_SIZE = 100

FILTER_PARAMETERS = [
    ("q", "string", 'Text search: words, "a phrase", -word to exclude.'),
    ("sort", "string", "One of: " + ", ".join(SORTS) + " (default updated)."),
    ("include", "string", "Tag names to include, separated by commas."),
    ("exclude", "string", "Tag names to exclude, separated by commas."),
    ("include_ids", "integer[]", "Tag ids to include (repeat the parameter)."),
    ("exclude_ids", "integer[]", "Tag ids to exclude (repeat the parameter)."),
    ("rating", "integer[]", "Rating tag ids; a work matches any of them."),
    ("complete", "string", "yes or no."),
    ("crossover", "string", "yes (only crossovers) or no (one fandom)."),
    ("words_from", "integer", "At least this many words."),
    ("words_to", "integer", "At most this many words."),
    ("updated_from", "string", "Updated on or after this day, YYYY-MM-DD."),
    ("updated_to", "string", "Updated on or before this day, YYYY-MM-DD."),
    ("language", "string", "Language code."),
    ("collection", "string", "Collection names to include, separated by commas."),
    ("exclude_collection", "string", "Collection names to exclude, separated by commas."),
    ("show_muted", "string", "1 shows what the reader's blocklist hides."),
    ("page", "integer", "Page number, from 1."),
    ("page_size", "integer", f"Works a page (default 20, at most {MAX_PAGE_SIZE})."),
]


def _parameter(name: str, kind: str, description: str) -> dict:
    if kind.endswith("[]"):
        schema = {"type": "array", "items": {"type": kind[:-2]}}
        return {"name": name, "in": "query", "required": False, "schema": schema,
                "style": "form", "explode": True, "description": description}  # fmt: skip
    return {"name": name, "in": "query", "required": False, "schema": {"type": kind},
            "description": description}  # fmt: skip


LISTING_DOC = {"parameters": [_parameter(*p) for p in FILTER_PARAMETERS]}


def _page_size(raw: str | None) -> tuple[int, str]:
    default = settings.WORKS_PER_PAGE
    if not raw:
        return default, ""
    try:
        size = int(raw)
    except ValueError:
        return default, f"page_size must be a number; {default} works a page are shown."
    return max(1, min(size, MAX_PAGE_SIZE)), ""


def listing(request: HttpRequest, works=None) -> dict:
    """The page of works the /works/ listing (or, given `works`, another listing) would show
    for this query string."""
    works = Work.objects.visible_to(request.user) if works is None else works
    found = apply_filters(works, request.GET, request)
    size, size_note = _page_size(request.GET.get("page_size"))
    page = page_of(found.rows, request.GET.get("page"), size)
    notes = found.notes + [n for n in (size_note, page.note) if n]
    return {"page": page.number, "page_size": size, "pages": page.num_pages,
            "total": page.total, "more": page.more, "notes": notes,
            "results": page.works}  # fmt: skip


@router.get("works", response=WorkPage, openapi_extra=LISTING_DOC, summary="List works")
def list_works(request):
    """The archive's works that the caller may see, filtered and sorted as on /works/, with
    the caller's blocklist applied. `total` is counted up to a window; `more` says there are
    more than that. `notes` says which filters were left out and why."""
    return listing(request)


@router.get("search", response=WorkPage, openapi_extra=LISTING_DOC, summary="Search works")
def search_works(request):
    """Text search (`q`) over titles, summaries, notes, tags and creator names, with every
    filter of the listing."""
    return listing(request)


def visible_work(request: HttpRequest, work_id: int) -> Work:
    """works.access.readable_work, except that the API answers 404 to a guest too."""
    try:
        return readable_work(request, work_id)
    except PermissionDenied:
        raise Http404(NOT_FOUND) from None


@router.get("works/{int:work_id}", response={200: WorkDetail, 404: Error}, summary="One work")
def get_work(request, work_id: int):
    """A work with its notes and the chapters the caller may read, in order."""
    work = visible_work(request, work_id)
    work.chapters_shown = readable_chapters(request, work)
    return work


@router.get(
    "works/{int:work_id}/chapters/{int:chapter_id}",
    response={200: ChapterOut, 404: Error},
    summary="One chapter",
)
def get_chapter(request, work_id: int, chapter_id: int):
    """A chapter's text (sanitized HTML) and notes; a draft chapter only for its creators."""
    work = visible_work(request, work_id)
    chapter = Chapter.objects.visible_to(request.user, work).filter(work=work, pk=chapter_id)
    chapter = chapter.first()
    if chapter is None:
        raise Http404("There is no chapter here, or it isn't open to you.")
    if work.is_creator(request.user):
        chapter.show_position()
    return chapter
