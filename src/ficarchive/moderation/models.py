"""Reports from readers, the moderators' action log, and suspensions.

A report or a log row names its target by kind and id rather than by foreign key, so that it
outlives a deleted comment or work; `target_label` keeps what the target was called then."""

from django.conf import settings
from django.db import models

USER = settings.AUTH_USER_MODEL


class Target(models.TextChoices):
    WORK = "work", "Work"
    COMMENT = "comment", "Comment"
    USER = "user", "User profile"


class Report(models.Model):
    class Reason(models.TextChoices):
        SPAM = "spam", "Spam"
        HARASSMENT = "harassment", "Harassment"
        TAGGING = "tagging", "Not tagged properly (for example a missing archive warning)"
        PLAGIARISM = "plagiarism", "Plagiarism"
        ILLEGAL = "illegal", "Illegal content"
        OTHER = "other", "Something else"

    target_type = models.CharField(max_length=10, choices=Target.choices)
    target_id = models.PositiveBigIntegerField()
    target_label = models.CharField(max_length=255, blank=True)
    reason = models.CharField(max_length=12, choices=Reason.choices)
    details = models.TextField(blank=True, help_text="Plain text, as the reporter wrote it.")
    reporter = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL)
    reporter_email = models.EmailField(blank=True, help_text="A guest's address.")
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        "ModerationAction", null=True, blank=True, on_delete=models.PROTECT, related_name="closed"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["target_type", "target_id", "closed_at"])]

    def __str__(self):
        return f"{self.get_reason_display()} report on {self.target_type} {self.target_id}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class ModerationAction(models.Model):
    """One line of the append-only log: who did what to which target, and why."""

    class Kind(models.TextChoices):
        DISMISS = "dismiss", "Dismissed the reports"
        HIDE_WORK = "hide_work", "Hid the work"
        UNHIDE_WORK = "unhide_work", "Showed the work again"
        DELETE_COMMENT = "delete_comment", "Deleted the comment"
        SUSPEND_USER = "suspend_user", "Suspended the account"
        UNSUSPEND_USER = "unsuspend_user", "Lifted the suspension"

    moderator = models.ForeignKey(USER, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(max_length=16, choices=Kind.choices)
    target_type = models.CharField(max_length=10, choices=Target.choices)
    target_id = models.PositiveBigIntegerField()
    target_label = models.CharField(max_length=255, blank=True)
    note = models.TextField()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["target_type", "target_id", "created_at"])]

    def __str__(self):
        return f"{self.get_action_display()} ({self.target_type} {self.target_id})"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("The moderation log is append-only: its rows are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("The moderation log is append-only: its rows are never deleted.")


class Suspension(models.Model):
    """A suspended account, and the works that its suspension hid (and lifting it shows)."""

    user = models.OneToOneField(USER, on_delete=models.CASCADE, related_name="suspension")
    action = models.ForeignKey(ModerationAction, on_delete=models.PROTECT, related_name="+")
    hidden_works = models.ManyToManyField("works.Work", blank=True, related_name="+")

    def __str__(self):
        return f"suspension of {self.user}"
