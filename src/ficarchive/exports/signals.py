"""Files built for a work go with it; an account's data exports go with the account."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from ficarchive.core.signals import account_closing
from ficarchive.works.models import Work

from .account_data import forget_exports
from .services import forget_downloads


@receiver(post_delete, sender=Work, dispatch_uid="exports-forget-downloads")
def remove_built_files(sender, instance: Work, **kwargs) -> None:
    work_id = instance.pk
    transaction.on_commit(lambda: forget_downloads(work_id))


@receiver(account_closing, dispatch_uid="exports-forget-account-exports")
def remove_account_exports(sender, user, **kwargs) -> None:
    user_id = user.pk
    transaction.on_commit(lambda: forget_exports(user_id))
