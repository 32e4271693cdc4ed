"""Fulfilment: a work posted to the exchange's collection as a gift to an assignment's
recipient, by the one who writes it, fulfils the assignment; a work a claimer posts to a
prompt meme's collection fills their oldest open claim. It runs as the last part of the work
form (works/form_parts.py: posting or editing, after the collections and gifts are saved,
in the same transaction) and when a draft is posted (the work_published signal)."""

from __future__ import annotations

from django.db.models import F

from ficarchive.collections.models import CollectionItem
from ficarchive.works.form_parts import FormPart, register
from ficarchive.works.models import Creatorship, Gift

from .models import Assignment, Claim, MemePrompt


def register_part() -> None:
    register(FormPart("challenges", lambda user, work: {}, lambda work, user: {},
                      lambda work, data, user: fulfil_works([work.pk]), order=100))  # fmt: skip


def on_work_published(sender, work, **kwargs) -> None:
    fulfil_works([work.pk])


def fulfil_works(work_ids) -> int:
    """Mark what these works fulfil; returns how many assignments and claims they did."""
    items = CollectionItem.objects.filter(
        work_id__in=work_ids, work__posted=True, creator_answer=CollectionItem.APPROVED
    ).exclude(collection_answer=CollectionItem.REJECTED)
    placed = list(items.values_list("work_id", "collection_id"))
    if not placed:
        return 0
    creators: dict[int, set[int]] = {}
    for work_id, user_id in Creatorship.objects.filter(work_id__in=work_ids).values_list(
        "work_id", "pseud__user_id"
    ):
        creators.setdefault(work_id, set()).add(user_id)
    gifted: dict[int, set[int]] = {}
    for work_id, user_id in Gift.objects.filter(
        work_id__in=work_ids, refused=False, pseud__isnull=False
    ).values_list("work_id", "pseud__user_id"):
        gifted.setdefault(work_id, set()).add(user_id)
    done = 0
    for work_id, collection_id in placed:
        done += _fulfil_assignment(work_id, collection_id, creators.get(work_id, set()),
                                   gifted.get(work_id, set()))  # fmt: skip
        done += _fill_claim(work_id, collection_id, creators.get(work_id, set()))
    return done


def _fulfil_assignment(work_id, collection_id, creators: set[int], recipients: set[int]) -> int:
    candidates = Assignment.objects.filter(
        exchange__collection_id=collection_id, work=None, sent_at__isnull=False,
        recipient__user_id__in=recipients,
    ).select_related("giver", "pinch_hitter")  # fmt: skip
    for assignment in candidates:
        writer = assignment.giver_user
        if writer is not None and writer.pk in creators:
            assignment.work_id = work_id
            assignment.save(update_fields=["work"])
            return 1
    return 0


def _fill_claim(work_id, collection_id, creators: set[int]) -> int:
    claim = (
        Claim.objects.filter(
            prompt__meme__collection_id=collection_id, user_id__in=creators, work=None
        )
        .order_by("created_at", "pk")
        .first()
    )
    if claim is None or Claim.objects.filter(prompt_id=claim.prompt_id, work_id=work_id).exists():
        return 0
    claim.work_id = work_id
    claim.save(update_fields=["work"])
    MemePrompt.objects.filter(pk=claim.prompt_id).update(fills_count=F("fills_count") + 1)
    return 1
