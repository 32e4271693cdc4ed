from django.conf import settings
from django.db import models


class PendingImport(models.Model):
    """A fic being read, or read and waiting for its author to confirm it. The document is
    kept only until the task runner has read it (imports/tasks.py); nothing becomes a work
    until the author confirms; pending imports older than a day are removed."""

    QUEUED, READING, READY, REFUSED = "queued", "reading", "ready", "refused"
    STATUSES = [(QUEUED, "Waiting to be read"), (READING, "Being read"),
                (READY, "Read"), (REFUSED, "Refused")]  # fmt: skip
    ACTIVE = (QUEUED, READING)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pending_imports"
    )
    filename = models.CharField(max_length=255, blank=True)
    format = models.CharField(max_length=8, blank=True, help_text="Empty: found from the file.")
    status = models.CharField(max_length=8, choices=STATUSES, default=READY)
    document = models.BinaryField(null=True, help_text="The upload, until it has been read.")
    refusal = models.CharField(max_length=300, blank=True)
    parsed = models.JSONField(
        default=dict, help_text="The ParsedWork as IMPORT_FORMAT.md gives it."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["status", "user"])]

    def __str__(self):
        return self.parsed.get("title") or self.filename or f"import {self.pk}"

    @property
    def is_active(self) -> bool:
        return self.status in self.ACTIVE
