"""Work actions shared by views, the importer, the API, demo data and tests."""

from __future__ import annotations

from django.db import transaction

from .models import Creatorship


@transaction.atomic
def move_creatorships(source_pseud, target_pseud) -> None:
    """Credit every work of `source_pseud` to `target_pseud` (used when a pseud is deleted)."""
    for creatorship in Creatorship.objects.filter(pseud=source_pseud):
        if Creatorship.objects.filter(work_id=creatorship.work_id, pseud=target_pseud).exists():
            creatorship.delete()
        else:
            creatorship.pseud = target_pseud
            creatorship.save(update_fields=["pseud"])
