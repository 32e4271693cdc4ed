"""A reader's blocklist: muted tags (with their synonyms and descendants, through
WorkFilterTag) and muted creators (accounts.Mute). Signed-in readers keep it in the database;
guests in a signed cookie of tag ids. `exclude_muted` is applied to every listing, search,
feed and facet count; `hide_muted` is registered with core.listing (apps.py), the path every
other list of works (the home page, profiles, series, bookmarks) is shown through."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet

from ficarchive.accounts.models import Mute
from ficarchive.core.listing import SHOW_HIDDEN_PARAM, showing_hidden
from ficarchive.tags.models import Tag

from .models import MutedTag
from .tagsets import carrying_any, filterable, lacking_all

GUEST_COOKIE = "muted_tags"
GUEST_COOKIE_SALT = "ficarchive.discovery.muted_tags"
GUEST_LIMIT = 200
COOKIE_MAX_AGE = 365 * 24 * 3600
SHOW_MUTED_PARAM = SHOW_HIDDEN_PARAM


@dataclass(frozen=True)
class Blocklist:
    tags: tuple[Tag, ...] = ()
    user_ids: frozenset[int] = field(default_factory=frozenset)

    def __bool__(self) -> bool:
        return bool(self.tags or self.user_ids)


def guest_tag_ids(request) -> list[int]:
    raw = request.get_signed_cookie(GUEST_COOKIE, default="", salt=GUEST_COOKIE_SALT)
    return [int(x) for x in raw.split(",") if x.isdigit()][:GUEST_LIMIT]


def set_guest_tag_ids(response, tag_ids: list[int]) -> None:
    value = ",".join(str(t) for t in dict.fromkeys(tag_ids))
    response.set_signed_cookie(
        GUEST_COOKIE, value, salt=GUEST_COOKIE_SALT, max_age=COOKIE_MAX_AGE,
        httponly=True, samesite="Lax",
    )  # fmt: skip


def blocklist_for(request) -> Blocklist:
    """The blocklist of whoever makes the request (cached on the request)."""
    cached = getattr(request, "_discovery_blocklist", None)
    if cached is not None:
        return cached
    user = request.user
    if user.is_authenticated:
        tags = Tag.objects.filter(pk__in=MutedTag.objects.filter(user=user).values("tag_id"))
        users = Mute.objects.filter(muter=user).values_list("muted_id", flat=True)
        blocklist = Blocklist(tuple(filterable(tags)), frozenset(users))
    else:
        tags = Tag.objects.filter(pk__in=guest_tag_ids(request))
        blocklist = Blocklist(tuple(filterable(tags)))
    request._discovery_blocklist = blocklist
    return blocklist


def showing_muted(request) -> bool:
    return showing_hidden(request)


def exclude_muted(works: QuerySet, blocklist: Blocklist, *, listing: bool = False) -> QuerySet:
    """Works without any muted tag or muted creator (`listing`: `works` are
    discovery_worklisting rows, see tagsets.lacking_all)."""
    if blocklist.tags:
        works = works.filter(lacking_all(blocklist.tags, listing=listing))
    if blocklist.user_ids:
        works = works.exclude(_by_muted_creator(blocklist))
    return works


def _by_muted_creator(blocklist: Blocklist) -> Exists:
    """The works one of whose creators the reader muted, but for anonymous works: hiding
    those would name their creator (the listing and the note's count alike)."""
    from ficarchive.works.models import Creatorship

    return Exists(
        Creatorship.objects.filter(
            work_id=OuterRef("pk"), pseud__user_id__in=blocklist.user_ids, work__anonymous=False
        )
    )


def muted_condition(blocklist: Blocklist, *, listing: bool = False) -> Q | None:
    """The works the blocklist hides (a muted tag, a muted creator), or None for an empty one:
    the inverse of exclude_muted, for counting what it hides."""
    if not blocklist:
        return None
    condition = Q(pk__in=[])
    if blocklist.tags:
        condition |= carrying_any(blocklist.tags, listing=listing)
    if blocklist.user_ids:
        condition |= Q(_by_muted_creator(blocklist))
    return condition


def hide_muted(request) -> Q | None:
    """core.listing's hider: the works this reader's blocklist leaves out."""
    return muted_condition(blocklist_for(request))
