"""Skins: an author's CSS for the works they apply it to (a work skin), or a reader's own CSS
for the whole site (a site skin). Both are kept as written and as sanitized (css.py)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse

from ficarchive.works.models import Work


class Skin(models.Model):
    WORK = "work"
    SITE = "site"
    KINDS = [(WORK, "Work skin"), (SITE, "Site skin")]

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="skins"
    )
    kind = models.CharField(max_length=4, choices=KINDS, default=WORK)
    title = models.CharField(max_length=100)
    css = models.TextField("CSS", help_text="As its owner wrote it.")
    compiled = models.TextField(help_text="Sanitized (and for a work skin, under #workskin).")
    digest = models.CharField(max_length=16, help_text="Of the compiled CSS: part of its URL.")
    # A site skin in use is added to every page its owner sees; none is, at first.
    in_use = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["owner", "kind", "title"], name="skin_title_per_owner")
        ]
        ordering = ["title", "pk"]

    def __str__(self):
        return self.title

    @property
    def stylesheet_url(self) -> str:
        return reverse("skin_stylesheet", args=[self.pk, self.digest])


class WorkSkin(models.Model):
    """The skin a work is shown in (one at most)."""

    work = models.OneToOneField(Work, on_delete=models.CASCADE, related_name="skin_choice")
    skin = models.ForeignKey(Skin, on_delete=models.CASCADE, related_name="uses")


class SkinPreference(models.Model):
    """A reader's choice to see every work in the archive's own look (Preferences)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="skin_preference"
    )
    hide_work_skins = models.BooleanField(
        "Hide work skins",
        default=False,
        help_text="Show every work in the archive's own look; a work's “Show Creator's Style” "
        "link still shows its skin on that page.",
    )
