"""Related works, as on AO3: a work can be inspired by, a translation of, or a remix or podfic
of another work — here (by its address, /works/ID) or elsewhere (any http(s) address). The
child always shows its source; the link shows on the parent only once one of the parent's
creators approved it (they are told in their inbox). A parent the viewer may not read is never
revealed through the link: its title and creators are left out for them."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.urls import reverse

from ficarchive.core.listing import unhidden
from ficarchive.core.signals import notice

from .models import RelatedWork, Work

WORK_PATH = re.compile(r"^/works/(\d+)(?:/.*)?$")
MAX_SOURCES = 10
NOT_OPEN = "There is no work you can read at that address here."


def archive_work_id(url: str) -> int | None:
    """The id of a work of this archive that `url` points to (a path, or a full address on
    SITE_URL's host), or None for an address elsewhere."""
    parts = urlsplit(url.strip())
    ours = urlsplit(settings.SITE_URL).netloc
    if parts.netloc and parts.netloc != ours:
        return None
    match = WORK_PATH.match(parts.path or "")
    return int(match.group(1)) if match else None


@transaction.atomic
def add_source(work: Work, by, *, url: str, kind: str = RelatedWork.INSPIRED, title: str = "",
               creator: str = "") -> RelatedWork:  # fmt: skip
    """Say that `work` (one of `by`'s) is related to the work at `url`."""
    if kind not in dict(RelatedWork.KINDS):
        raise ValueError("Choose inspired by, translation of, remix of or podfic of.")
    if not work.is_creator(by):
        raise ValueError("Only the work's creators can say what it is related to.")
    if work.sources.count() >= MAX_SOURCES:
        raise ValueError(f"A work can name at most {MAX_SOURCES} sources.")
    url = (url or "").strip()
    parent_id = archive_work_id(url)
    if parent_id is None:
        return _add_elsewhere(work, url, kind, title, creator)
    parent = Work.objects.visible_to(by).filter(pk=parent_id).first()
    if parent is None:
        raise ValueError(NOT_OPEN)
    if parent.pk == work.pk:
        raise ValueError("A work can't be its own source.")
    if work.sources.filter(parent=parent).exists():
        raise ValueError(f"“{work.title}” names that work already.")
    own = parent.is_creator(by)
    link = RelatedWork.objects.create(work=work, parent=parent, kind=kind, approved=own)
    if not own:
        creators = set(parent.creatorships.values_list("pseud__user_id", flat=True))
        message = (f"A work says it is {link.kind_label.lower()} your work “{parent.title}”: "
                   "approve it to show it there.")  # fmt: skip
        notice.send(sender=RelatedWork, user_ids=creators, message=message,
                    link=reverse("related_works", args=[parent.pk]), work=work)  # fmt: skip
    return link


def _add_elsewhere(work: Work, url: str, kind: str, title: str, creator: str) -> RelatedWork:
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise ValueError("Give the source's address: a work here (/works/ID) or an http(s) "
                         "address elsewhere.") from None  # fmt: skip
    title, creator = " ".join(title.split())[:255], " ".join(creator.split())[:100]
    return RelatedWork.objects.create(
        work=work, url=url, title=title, creator=creator, kind=kind, approved=True
    )


@transaction.atomic
def answer_link(link: RelatedWork, by, approve: bool) -> None:
    """A creator of the parent approves the link (it shows on the parent) or removes it from
    the parent (the child still names its source, as on AO3)."""
    if link.parent is None or not link.parent.is_creator(by):
        raise ValueError("Only the creators of the parent work can approve this.")
    link.approved = approve
    link.save(update_fields=["approved"])


@transaction.atomic
def remove_source(link: RelatedWork, by) -> None:
    if not link.work.is_creator(by):
        raise ValueError("Only the work's creators can change what it is related to.")
    link.delete()


def sources_shown(work: Work, viewer) -> list[dict]:
    """What the child's page says of its sources; a parent `viewer` may not read is left
    unnamed."""
    links = work.sources.select_related("parent")
    readable = set(
        Work.objects.visible_to(viewer)
        .filter(pk__in=[lnk.parent_id for lnk in links if lnk.parent_id])
        .values_list("pk", flat=True)
    )
    shown = []
    for link in links:
        if link.parent_id and link.parent_id not in readable:
            shown.append({"link": link, "open": False})
        else:
            shown.append({"link": link, "open": True, "work": link.parent})
    return shown


def children_shown(work: Work, request):
    """The approved works related to `work` that the reader may read, less those their
    blocklist hides (core.listing)."""
    visible = unhidden(request, Work.objects.visible_to(request.user)).values("pk")
    return RelatedWork.objects.filter(parent=work, approved=True, work__in=visible).select_related(
        "work"
    )
