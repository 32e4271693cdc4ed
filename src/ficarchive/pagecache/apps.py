from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "ficarchive.pagecache"
    label = "pagecache"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from ficarchive.accounts.models import Mute
        from ficarchive.core import signals
        from ficarchive.discovery.models import MutedTag
        from ficarchive.feedback.models import Comment, Kudos, WorkFeedbackSettings
        from ficarchive.skins.models import SkinPreference

        from . import listeners

        # Last in INSTALLED_APPS: the filter tags are fresh when these run.
        signals.work_changed.connect(listeners.works_changed, dispatch_uid="pagecache.works")
        signals.tags_changed.connect(listeners.tags_changed, dispatch_uid="pagecache.tags")
        signals.work_read.connect(listeners.work_read, dispatch_uid="pagecache.read")
        signals.username_changed.connect(
            listeners.username_changed, dispatch_uid="pagecache.username"
        )
        signals.site_changed.connect(listeners.site_changed, dispatch_uid="pagecache.site")
        signals.account_closing.connect(listeners.account_closing, dispatch_uid="pagecache.closing")
        signals.cache_reconciled.connect(
            listeners.cache_reconciled, dispatch_uid="pagecache.reconciled"
        )
        # A comment posted, edited, approved or deleted shows on its work's pages at once.
        for signal in (post_save, post_delete):
            signal.connect(
                listeners.comment_changed,
                sender=Comment,
                dispatch_uid=f"pagecache.comment.{id(signal)}",
            )
        # What signed-in readers' kept pages depend on beyond the guests' scopes (readers.py).
        watched = [
            (Kudos, listeners.kudos_changed),
            (WorkFeedbackSettings, listeners.feedback_settings_changed),
            (Mute, listeners.reader_rows_changed),
            (MutedTag, listeners.reader_rows_changed),
            (SkinPreference, listeners.reader_rows_changed),
        ]
        for model, receiver in watched:
            for signal in (post_save, post_delete):
                signal.connect(
                    receiver,
                    sender=model,
                    dispatch_uid=f"pagecache.{model.__name__}.{id(signal)}",
                )
