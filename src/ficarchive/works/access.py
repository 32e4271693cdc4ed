"""How every works view finds its work: through `Work.objects.visible_to` to read, and through
the work's creators to change. Refusals say what happened without telling what is there."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Chapter, Work

NOT_FOUND = "There is no work here, or it isn't open to you."
LOG_IN = "This work is only for signed-in readers. Log in to read it."
NOT_YOURS = "Only the work's creators can change it."


def readable_work(request, work_id: int) -> Work:
    """The work as `request.user` may read it, or 404 (403 asking a guest to log in when the
    work is one that every signed-in reader may read)."""
    work = Work.objects.visible_to(request.user).listing().filter(pk=work_id).first()
    if work is not None:
        return work
    if not request.user.is_authenticated and _open_to_members(work_id):
        raise PermissionDenied(LOG_IN)
    raise Http404(NOT_FOUND)


def _open_to_members(work_id: int) -> bool:
    """Only to word the refusal: the work is posted, not hidden, and restricted."""
    return Work.objects.filter(
        pk=work_id, posted=True, hidden_by_admin=False, restricted=True
    ).exists()


def readable_chapters(request, work: Work) -> list[Chapter]:
    """The chapters `request.user` may read, in order. Readers see them numbered among the
    posted chapters; the work's creators see every chapter at its real position."""
    chapters = list(
        Chapter.objects.visible_to(request.user, work).filter(work=work).order_by("position")
    )
    if work.is_creator(request.user):
        for chapter in chapters:
            chapter.show_position()
    return chapters


def own_work(request, work_id: int) -> Work:
    """The work for one of its creators to change; 404 if it can't be read, else 403."""
    work = get_object_or_404(
        Work.objects.select_related("rating").prefetch_related("creatorships__pseud__user"),
        pk=work_id,
    )
    if not work.is_creator(request.user):
        if Work.objects.visible_to(request.user).filter(pk=work_id).exists():
            raise PermissionDenied(NOT_YOURS)
        raise Http404(NOT_FOUND)
    return work


def own_chapter(work: Work, chapter_id: int) -> Chapter:
    """A chapter of one's own work, headed by its real position."""
    return get_object_or_404(Chapter, pk=chapter_id, work=work).show_position()
