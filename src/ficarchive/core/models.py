"""The operator's settings: one row, edited in the admin (core/admin.py), read through
core/site_settings.py, which keeps it in the shared cache."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models


class SiteSettings(models.Model):
    ONE = 1  # the primary key of the only row

    site_name = models.CharField(
        max_length=80, blank=True, help_text="Empty: the SITE_NAME of the environment."
    )
    banner_text = models.CharField(
        max_length=500,
        blank=True,
        help_text="Shown at the top of every page until the reader dismisses it. Empty: none.",
    )
    banner_version = models.PositiveIntegerField(
        default=0, editable=False, help_text="Raised when the banner's words change."
    )
    invitation_queue = models.BooleanField(
        "Sign-up needs an invitation",
        default=False,
        help_text="Visitors join a queue; invitations go out from it in batches.",
    )
    invitation_batch_size = models.PositiveIntegerField(
        default=10,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text="How many people of the queue are invited each time the job runs (1-1000).",
    )
    guest_comments = models.BooleanField(
        "Guests may comment",
        default=True,
        help_text="Off: only signed-in readers comment, whatever each creator chose.",
    )
    read_only = models.BooleanField(
        "Read-only mode",
        default=False,
        help_text="For maintenance: pages are read as usual, every change is refused.",
    )
    read_only_message = models.CharField(
        max_length=300, blank=True, help_text="What readers are told in read-only mode."
    )
    version = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "site settings"

    def __str__(self):
        return "Site settings"


class WorkerBeat(models.Model):
    """A task worker's heartbeat (core/workers.py): the database's time of its last beat. A
    worker whose beat has gone stale is gone, and its running tasks are queued again."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    beat_at = models.DateTimeField()
