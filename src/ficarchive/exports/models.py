from django.conf import settings
from django.db import models


class AccountExport(models.Model):
    """A ZIP of everything an account holds (exports/account_data.py), built by the task runner
    for its owner alone and announced in their inbox."""

    QUEUED, READY, FAILED = "queued", "ready", "failed"
    STATES = [(QUEUED, "Being built"), (READY, "Ready"), (FAILED, "Failed")]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account_exports"
    )
    state = models.CharField(max_length=8, choices=STATES, default=QUEUED)
    file_name = models.CharField(max_length=80, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"export {self.pk} of {self.user_id} ({self.state})"
