"""Which rows of discovery_worklisting (PostgreSQL) stand for the works a listing starts from.

apply_filters is given `Work.objects.visible_to(user)` (or something narrower, such as a
creator's works). When it is exactly the viewer's visible archive, the listing is read from the
narrow listing table instead of works_work, with the same visibility rule expressed over the
table's copies of the flags (`visible_rows`); a narrower start keeps the works_work path, whose
few works are quick to filter anyway. tests/discovery/test_listing_table.py checks both rules
give the same works for every kind of reader."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from . import listing_table
from .models import WorkListing


def visible_rows(user) -> QuerySet | None:
    """The listing rows of the works `visible_to(user)` — the public part of that rule over
    the flags both tables have, less the few unrevealed works — or None when the listing
    indexes (partial: posted and not hidden) could not serve the rule: for staff, who also see
    hidden works, and for a viewer with a draft, a hidden or an unrevealed work of their own
    (the rule's OR with their own works). Those keep the works_work path."""
    from ficarchive.works.models import Work, unrevealed_ids

    kept_back = Q(work_id__in=unrevealed_ids())
    if not (user and user.is_authenticated):
        rows = WorkListing.objects.filter(posted=True, hidden_by_admin=False, restricted=False)
        return rows.exclude(kept_back)
    rule = Q(posted=True, hidden_by_admin=False)
    own = Work.objects.by_user(user)
    if user.is_staff or own.exclude(rule).exists() or own.filter(unrevealed=True).exists():
        return None
    return WorkListing.objects.filter(rule).exclude(kept_back)


def rows_for(works: QuerySet, user) -> QuerySet | None:
    """The listing rows standing for `works` when the listing table can answer for them:
    PostgreSQL, and `works` exactly the archive visible to `user` (compared as SQL, so any
    narrowing a caller added keeps the works_work path)."""
    from ficarchive.works.models import Work

    if not listing_table.in_use():
        return None
    if works.query.sql_with_params() != Work.objects.visible_to(user).query.sql_with_params():
        return None
    return visible_rows(user)
