"""Prompt memes: participants post prompts (tags and text, anonymously if the meme allows),
others claim them and fill them with works posted to the collection. Imported by models.py."""

from django.conf import settings
from django.db import models


class PromptMeme(models.Model):
    collection = models.OneToOneField(
        "collections.Collection", on_delete=models.CASCADE, related_name="prompt_meme"
    )
    anonymous_allowed = models.BooleanField(default=True)
    open = models.BooleanField(default=True, help_text="Takes new prompts.")
    max_tags = models.PositiveSmallIntegerField(default=10)
    created_at = models.DateTimeField(auto_now_add=True)


class MemePrompt(models.Model):
    """A prompt. An anonymous prompt's `user` is kept (so its prompter can edit it) and never
    shown: pages, feeds and mail name it "Anonymous"."""

    meme = models.ForeignKey(PromptMeme, on_delete=models.CASCADE, related_name="prompts")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meme_prompts"
    )
    anonymous = models.BooleanField(default=False)
    title = models.CharField(max_length=200)
    text = models.TextField(blank=True, help_text="Plain text.")
    tags = models.ManyToManyField("tags.Tag", related_name="+", blank=True)
    claims_count = models.PositiveIntegerField(default=0)
    fills_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["meme", "-created_at"])]

    @property
    def byline(self) -> str:
        return "Anonymous" if self.anonymous else self.user.username


class Claim(models.Model):
    """Someone writing for a prompt; `work` is the fill once posted to the collection."""

    prompt = models.ForeignKey(MemePrompt, on_delete=models.CASCADE, related_name="claims")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meme_claims"
    )
    work = models.ForeignKey(
        "works.Work", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["prompt", "user"], name="claim_once")]
