"""Files built for a work go with it."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from ficarchive.works.models import Work

from .services import forget_downloads


@receiver(post_delete, sender=Work, dispatch_uid="exports-forget-downloads")
def remove_built_files(sender, instance: Work, **kwargs) -> None:
    work_id = instance.pk
    transaction.on_commit(lambda: forget_downloads(work_id))
