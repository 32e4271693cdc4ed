"""A work's associations with people and other works: gifts and related works (inspired by,
translation of, remix or podfic of). Imported by works.models."""

from django.db import models
from django.db.models import Q


class Gift(models.Model):
    """A work given to a pseud of the archive, or to a name from outside it. A refused gift
    stays (refused) so that it isn't given again, and no longer names its recipient."""

    work = models.ForeignKey("works.Work", on_delete=models.CASCADE, related_name="gifts")
    pseud = models.ForeignKey(
        "accounts.Pseud", null=True, blank=True, on_delete=models.CASCADE, related_name="gifts"
    )
    recipient_name = models.CharField(max_length=100, blank=True, help_text="Outside the archive.")
    refused = models.BooleanField(default=False)
    told = models.BooleanField(default=False, help_text="The recipient heard of it.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["work", "pseud"], condition=Q(pseud__isnull=False), name="gift_once"
            ),
            models.CheckConstraint(
                condition=Q(pseud__isnull=False) | ~Q(recipient_name=""), name="gift_recipient"
            ),
        ]

    @property
    def name(self) -> str:
        return self.pseud.byline if self.pseud_id else self.recipient_name


class RelatedWork(models.Model):
    """`work` is inspired by, translates, remixes or records (podfic) a source: a work of the
    archive (`parent`) or one elsewhere (`url`). It shows on the parent only once one of the
    parent's creators approved it; the child always shows its source."""

    INSPIRED, TRANSLATION, REMIX, PODFIC = "inspired", "translation", "remix", "podfic"
    KINDS = [(INSPIRED, "Inspired by"), (TRANSLATION, "Translation of"), (REMIX, "Remix of"),
             (PODFIC, "Podfic of")]  # fmt: skip

    work = models.ForeignKey("works.Work", on_delete=models.CASCADE, related_name="sources")
    parent = models.ForeignKey(
        "works.Work", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    url = models.URLField(max_length=500, blank=True)
    title = models.CharField(max_length=255, blank=True, help_text="Of a work elsewhere.")
    creator = models.CharField(max_length=100, blank=True, help_text="Of a work elsewhere.")
    kind = models.CharField(max_length=12, choices=KINDS, default=INSPIRED)
    approved = models.BooleanField(default=False, help_text="By a creator of the parent.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(parent__isnull=False) | ~Q(url=""), name="related_work_source"
            ),
        ]

    @property
    def kind_label(self) -> str:
        return dict(self.KINDS)[self.kind]
