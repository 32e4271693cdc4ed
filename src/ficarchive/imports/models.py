from django.conf import settings
from django.db import models


class PendingImport(models.Model):
    """A read fic waiting for its author to confirm it. Nothing becomes a work until then;
    pending imports older than a day are removed."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pending_imports"
    )
    filename = models.CharField(max_length=255, blank=True)
    parsed = models.JSONField(help_text="The ParsedWork as IMPORT_FORMAT.md gives it.")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.parsed.get("title") or self.filename or f"import {self.pk}"
