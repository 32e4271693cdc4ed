"""The archive's own pages (FAQ, terms of service, content policy), and which revision of the
terms each reader accepted. Admins edit the pages (admin.py); a change of the terms that
readers must accept again raises the terms' revision, and every signed-in reader is asked to
accept it on their next visit (terms_gate.py)."""

from __future__ import annotations

from django.core.cache import cache
from django.db import IntegrityError, transaction

from ficarchive.core import near_cache
from ficarchive.text.sanitize import sanitize_fiction_html

from .models import Page, TermsAcceptance

REVISION_KEY = "terms-revision"
ACCEPTED_KEY = "terms-accepted:{}"
NO_TERMS = 0


@transaction.atomic
def save_page(page: Page, *, ask_again: bool = False) -> Page:
    """Save an admin's page, its HTML sanitized; for the terms with `ask_again` (or the
    first terms), a new revision that every reader accepts again."""
    page.body = sanitize_fiction_html(page.body)
    if page.kind == Page.TERMS and page.pk and ask_again:
        before = Page.objects.select_for_update().filter(pk=page.pk).first()
        page.revision = (before.revision if before else page.revision) + 1
    page.save()
    _forget_revision()
    transaction.on_commit(_forget_revision)
    return page


def _forget_revision() -> None:
    cache.delete(REVISION_KEY)
    near_cache.changed([REVISION_KEY])


def terms_page() -> Page | None:
    return Page.objects.filter(kind=Page.TERMS).first()


def policy_page() -> Page | None:
    return Page.objects.filter(kind=Page.POLICY).first()


def terms_revision() -> int:
    """The current revision of the terms (NO_TERMS while there are none), from the cache."""
    revision = near_cache.get(REVISION_KEY)
    if revision is None:
        terms = Page.objects.filter(kind=Page.TERMS).values_list("revision", flat=True).first()
        revision = terms or NO_TERMS
        cache.set(REVISION_KEY, revision, timeout=3600)
    return revision


def accepted_revision(user) -> int:
    """The latest revision of the terms the user accepted (0 when none), from the cache."""
    key = ACCEPTED_KEY.format(user.pk)
    revision = cache.get(key)
    if revision is None:
        found = TermsAcceptance.objects.filter(user=user).order_by("-revision").first()
        revision = found.revision if found else 0
        cache.set(key, revision, timeout=3600)
    return revision


def must_accept(user) -> bool:
    current = terms_revision()
    return current != NO_TERMS and accepted_revision(user) < current


def accept_terms(user, revision: int) -> None:
    """The user accepted this revision (again is nothing new)."""
    try:
        with transaction.atomic():
            TermsAcceptance.objects.create(user=user, revision=revision)
    except IntegrityError:
        pass
    cache.delete(ACCEPTED_KEY.format(user.pk))
    transaction.on_commit(lambda: cache.delete(ACCEPTED_KEY.format(user.pk)))
