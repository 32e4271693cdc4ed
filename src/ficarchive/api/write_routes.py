"""Writes over the API, with a personal token only: kudos and bookmarks, through the feedback
app's services. A refusal comes back as {"error": the service's message} with its status."""

from __future__ import annotations

from ninja import Router, Status
from ninja.errors import HttpError

from ficarchive.core.ratelimit import actor_key
from ficarchive.feedback.forms import BookmarkForm
from ficarchive.feedback.services import leave_kudos, save_bookmark
from ficarchive.feedback.services.bookmarks import bookmark_of
from ficarchive.feedback.services.rules import rate_limit
from ficarchive.works.models import Work

from .auth import WRITE_AUTH
from .schemas import BookmarkIn, BookmarkOut, Error, KudosOut
from .work_routes import visible_work

router = Router(tags=["feedback"], auth=WRITE_AUTH)
REFUSALS = {400: Error, 401: Error, 403: Error, 404: Error, 429: Error}


@router.post(
    "works/{int:work_id}/kudos", response={201: KudosOut, **REFUSALS}, summary="Leave kudos"
)
def kudos(request, work_id: int):
    """Leave kudos on a work as the token's owner: once per work, never on one's own work or
    on the works of someone who blocked you; 30 a minute."""
    work = visible_work(request, work_id)
    rate_limit("kudos", actor_key(request), limit=30)
    leave_kudos(work, user=request.user)
    count = Work.objects.values_list("kudos_count", flat=True).get(pk=work.pk)
    return Status(201, {"work_id": work.pk, "kudos": count})


@router.post(
    "bookmarks", response={200: BookmarkOut, 201: BookmarkOut, **REFUSALS},
    summary="Bookmark a work",
)  # fmt: skip
def bookmark(request, data: BookmarkIn):
    """Bookmark a work as the token's owner, or change the bookmark they have (200)."""
    work = visible_work(request, data.work_id)
    form = BookmarkForm({"notes": data.notes, "tags": ", ".join(data.tags),
                         "private": data.private, "rec": data.rec})  # fmt: skip
    if not form.is_valid():
        message = " ".join(e for errors in form.errors.values() for e in errors)
        raise HttpError(400, message)
    existed = bookmark_of(request.user, work=work) is not None
    saved = save_bookmark(request.user, work=work, **form.cleaned_data)
    return Status(200 if existed else 201, saved)
