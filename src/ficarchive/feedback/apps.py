from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "ficarchive.feedback"
    label = "feedback"

    def ready(self) -> None:
        from ficarchive.accounts import reader_parts
        from ficarchive.core import signals

        from . import holes, listeners  # noqa: F401 (holes: the fillers of its personal parts)
        from .services import inbox

        reader_parts.register(inbox.UNREAD_PART, inbox.any_unread)

        signals.work_published.connect(listeners.work_published, dispatch_uid="feedback.work")
        signals.chapter_published.connect(
            listeners.chapter_published, dispatch_uid="feedback.chapter"
        )
        signals.series_part_added.connect(
            listeners.series_part_added, dispatch_uid="feedback.series-part"
        )
        signals.invited.connect(listeners.invited, dispatch_uid="feedback.invited")
        signals.invitation_answered.connect(
            listeners.invitation_answered, dispatch_uid="feedback.invitation-answered"
        )
        signals.work_read.connect(listeners.work_read, dispatch_uid="feedback.read")
        signals.notice.connect(listeners.notice, dispatch_uid="feedback.notice")
        signals.account_closing.connect(listeners.account_closing, dispatch_uid="feedback.closing")
