"""Writing, applying and reading skins. Every change that alters how a work looks is announced
(core.signals.work_changed), so the page cache drops the work's pages, which link to the skin by
a digest of its CSS, and its downloads are built again."""

from __future__ import annotations

import hashlib
from typing import NamedTuple

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.urls import reverse

from ficarchive.accounts import reader_parts
from ficarchive.core.signals import announce_work_changed

from .css import SCOPE, Dropped, clean_css
from .models import Skin, SkinPreference, WorkSkin


class SkinRefused(ValueError):
    """The CSS had parts the sanitizer drops: nothing was saved."""

    def __init__(self, dropped: list[Dropped]):
        self.dropped = dropped
        super().__init__("; ".join(str(d) for d in dropped))


def sanitize(kind: str, css: str):
    """The CSS cleaned for a skin of this kind: a work skin is kept inside #workskin."""
    return clean_css(css, scope=SCOPE if kind == Skin.WORK else None)


def _works_of(skin: Skin) -> list[int]:
    return list(skin.uses.values_list("work_id", flat=True))


@transaction.atomic
def save_skin(owner, *, kind: str, title: str, css: str, skin: Skin | None = None) -> Skin:
    """Create a skin, or change `skin`. Refused (SkinRefused) if anything would be dropped."""
    cleaned = sanitize(kind, css)
    if cleaned.dropped:
        raise SkinRefused(cleaned.dropped)
    skin = skin or Skin(owner=owner, kind=kind)
    skin.title = title
    skin.css = css
    skin.compiled = cleaned.css
    skin.digest = hashlib.sha256(cleaned.css.encode()).hexdigest()[:16]
    skin.save()
    announce_work_changed(_works_of(skin))
    return skin


@transaction.atomic
def delete_skin(skin: Skin) -> None:
    works = _works_of(skin)
    skin.delete()
    announce_work_changed(works)


@transaction.atomic
def use_site_skin(user, skin: Skin | None) -> None:
    """Put `skin` (one of the user's site skins) on every page they see; None: no site skin."""
    Skin.objects.filter(owner=user, kind=Skin.SITE, in_use=True).exclude(
        pk=skin.pk if skin else None
    ).update(in_use=False)
    if skin is not None:
        Skin.objects.filter(pk=skin.pk).update(in_use=True)


def apply_skin(work, skin: Skin | None) -> bool:
    """Show `work` in `skin` (None: in none). True when that changed anything."""
    current = WorkSkin.objects.filter(work=work).first()
    if (current.skin_id if current else None) == (skin.pk if skin else None):
        return False
    if skin is None:
        current.delete()
    else:
        WorkSkin.objects.update_or_create(work=work, defaults={"skin": skin})
    announce_work_changed([work.pk])
    return True


def skin_of(work) -> Skin | None:
    choice = WorkSkin.objects.filter(work=work).select_related("skin").first()
    return choice.skin if choice else None


class SiteSkinLink(NamedTuple):
    """What a page needs of the reader's site skin: its stylesheet's address."""

    pk: int
    stylesheet_url: str


# The site skin in use, read with the reader's preferences (accounts.reader_parts).
SITE_SKIN_PARTS = {"site_skin_pk": "pk", "site_skin_digest": "digest"}


def site_skin_in_use(field: str):
    """accounts.reader_parts: a field of the reader's site skin in use (None: none)."""
    skins = Skin.objects.filter(owner=OuterRef("user_id"), kind=Skin.SITE, in_use=True)
    return lambda: Subquery(skins.values(field)[:1])


def site_skin_of(user) -> SiteSkinLink | None:
    if not user.is_authenticated:
        return None
    pk = reader_parts.known(user, "site_skin_pk")
    digest = reader_parts.known(user, "site_skin_digest")
    if pk is reader_parts.MISSING or digest is reader_parts.MISSING:
        skin = Skin.objects.filter(owner=user, kind=Skin.SITE, in_use=True).first()
        pk, digest = (skin.pk, skin.digest) if skin else (None, None)
    if pk is None:
        return None
    return SiteSkinLink(pk, reverse("skin_stylesheet", args=[pk, digest]))


def hides_work_skins(user) -> bool:
    """The reader's preference (Preferences → Hide work skins); never for a guest."""
    if not user.is_authenticated:
        return False
    return SkinPreference.objects.filter(user=user, hide_work_skins=True).exists()


def set_hide_work_skins(user, hide: bool) -> None:
    SkinPreference.objects.update_or_create(user=user, defaults={"hide_work_skins": hide})


def download_css(work) -> str:
    """The work's skin for a download: the same rules without url(), since a download carries
    nothing from elsewhere (an EPUB may not, and the HTML file is self-contained)."""
    skin = skin_of(work)
    if skin is None:
        return ""
    return clean_css(skin.compiled, scope=SCOPE, images=False).css
