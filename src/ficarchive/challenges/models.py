"""Gift exchanges as AO3 runs them: a collection's challenge with a sign-up form the
maintainers define, sign-ups of requests and offers, and the assignments matched from them.
Prompt memes are in meme_models.py."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from ficarchive.tags.models import TagType

from .meme_models import Claim, MemePrompt, PromptMeme  # noqa: F401  (models of this app)

SIGNUP_TAG_TYPES = [
    (TagType.FANDOM, "Fandoms"),
    (TagType.CHARACTER, "Characters"),
    (TagType.RELATIONSHIP, "Relationships"),
    (TagType.FREEFORM, "Additional tags"),
]


class GiftExchange(models.Model):
    """A collection's gift exchange: how many requests and offers a sign-up has, when
    sign-ups open and close (the periodic job opens and closes them on those dates), and
    whether participants may nominate tags for the tag set."""

    collection = models.OneToOneField(
        "collections.Collection", on_delete=models.CASCADE, related_name="gift_exchange"
    )
    requests_min = models.PositiveSmallIntegerField(default=1)
    requests_max = models.PositiveSmallIntegerField(default=3)
    offers_min = models.PositiveSmallIntegerField(default=1)
    offers_max = models.PositiveSmallIntegerField(default=3)
    signups_open_at = models.DateTimeField(null=True, blank=True)
    signups_close_at = models.DateTimeField(null=True, blank=True)
    signups_open = models.BooleanField(default=False)
    # The periodic job acts on each date once; changing a date (exchanges.py) resets these.
    opened_on_schedule = models.BooleanField(default=False)
    closed_on_schedule = models.BooleanField(default=False)
    nominations_open = models.BooleanField(default=False)
    nominations_max = models.PositiveSmallIntegerField(
        default=3, help_text="Tags of each type a participant may nominate."
    )
    assignments_due_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"Gift exchange of {self.collection}"


class ExchangeRule(models.Model):
    """What the sign-up form asks of one tag type, and what matching asks of it."""

    exchange = models.ForeignKey(GiftExchange, on_delete=models.CASCADE, related_name="rules")
    tag_type = models.CharField(max_length=16, choices=SIGNUP_TAG_TYPES)
    min_tags = models.PositiveSmallIntegerField(default=0)
    max_tags = models.PositiveSmallIntegerField(default=1)
    allow_any = models.BooleanField(default=False, help_text='Prompts may take "any".')
    required_to_match = models.PositiveSmallIntegerField(default=0)
    weight = models.PositiveSmallIntegerField(
        default=1, help_text="Quality of each tag shared beyond what matching requires."
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["exchange", "tag_type"], name="exchange_rule_once")
        ]


class TagSetEntry(models.Model):
    """A tag of the exchange's tag set. Nominated tags wait for a maintainer's review; only
    approved ones can be used in sign-ups. An exchange without a tag set takes any tag."""

    APPROVED, NOMINATED, REJECTED = "approved", "nominated", "rejected"
    STATES = [(APPROVED, "Approved"), (NOMINATED, "Nominated"), (REJECTED, "Rejected")]

    exchange = models.ForeignKey(GiftExchange, on_delete=models.CASCADE, related_name="tag_set")
    tag = models.ForeignKey("tags.Tag", on_delete=models.CASCADE, related_name="+")
    state = models.CharField(max_length=10, choices=STATES, default=APPROVED)
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["tag__type", "tag__name"]
        constraints = [
            models.UniqueConstraint(fields=["exchange", "tag"], name="tag_set_entry_once")
        ]


class Signup(models.Model):
    exchange = models.ForeignKey(GiftExchange, on_delete=models.CASCADE, related_name="signups")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exchange_signups"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["exchange", "user"], name="signup_once")]


class SignupPrompt(models.Model):
    """One request or offer: its tags, the types where it takes "any", a free-text prompt."""

    REQUEST, OFFER = "request", "offer"
    KINDS = [(REQUEST, "Request"), (OFFER, "Offer")]

    signup = models.ForeignKey(Signup, on_delete=models.CASCADE, related_name="prompts")
    kind = models.CharField(max_length=7, choices=KINDS)
    position = models.PositiveSmallIntegerField(default=0)
    description = models.TextField(blank=True, help_text="Plain text.")
    any_types = models.JSONField(default=list, blank=True)
    tags = models.ManyToManyField("tags.Tag", related_name="+", blank=True)

    class Meta:
        ordering = ["signup", "kind", "position"]


class Assignment(models.Model):
    """A giver writing for a recipient. Drafts until the maintainers send them; a defaulted
    assignment's request waits for a pinch-hitter; `work` is the gift that fulfilled it."""

    exchange = models.ForeignKey(GiftExchange, on_delete=models.CASCADE, related_name="assignments")
    giver = models.ForeignKey(
        Signup, null=True, blank=True, on_delete=models.SET_NULL, related_name="giving"
    )
    recipient = models.ForeignKey(
        Signup, null=True, blank=True, on_delete=models.SET_NULL, related_name="receiving"
    )
    request = models.ForeignKey(
        SignupPrompt, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    offer = models.ForeignKey(
        SignupPrompt, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    quality = models.IntegerField(default=0)
    pinch_hitter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="pinch_hits",
    )  # fmt: skip
    sent_at = models.DateTimeField(null=True, blank=True)
    defaulted_at = models.DateTimeField(null=True, blank=True)
    work = models.ForeignKey(
        "works.Work", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["exchange", "sent_at"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(giver=models.F("recipient")) | Q(giver=None),
                name="assignment_not_to_oneself",
            )
        ]

    @property
    def giver_user(self):
        """Who writes it now: the pinch-hitter once one took it, else the giver."""
        if self.pinch_hitter_id:
            return self.pinch_hitter
        if self.giver_id and not self.defaulted_at:
            return self.giver.user
        return None

    @property
    def open_for_pinch_hit(self) -> bool:
        return bool(
            self.sent_at and self.recipient_id and self.giver_user is None and not self.work_id
        )
