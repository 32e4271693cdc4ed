from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.functional import cached_property

WRANGLERS = "wranglers"  # the group of tag wranglers


class User(AbstractUser):
    """An account. The names readers see are the user's pseuds; the username is the login."""

    email = models.EmailField("e-mail address", unique=True)
    bio = models.TextField(blank=True, help_text="Sanitized HTML.")

    class Meta:
        constraints = [
            models.UniqueConstraint(Lower("username"), name="user_username_ci_unique"),
        ]

    def get_absolute_url(self):
        return reverse("profile", args=[self.username])

    @property
    def default_pseud(self):
        return self.pseuds.filter(is_default=True).first()

    @cached_property
    def is_wrangler(self) -> bool:
        if self.is_superuser:
            return True
        from .reader_parts import MISSING, known

        in_group = known(self, WRANGLERS)  # read with the request's reader's preferences
        if in_group is MISSING:
            in_group = self.groups.filter(name=WRANGLERS).exists()
        return in_group


class Pseud(models.Model):
    """A pen name. Every user has exactly one default pseud; works are credited to pseuds."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pseuds"
    )
    name = models.CharField(max_length=40)
    description = models.TextField(blank=True, help_text="Sanitized HTML.")
    is_default = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-is_default", "name"]
        constraints = [
            models.UniqueConstraint("user", Lower("name"), name="pseud_name_unique_per_user"),
            models.UniqueConstraint(
                fields=["user"], condition=Q(is_default=True), name="one_default_pseud_per_user"
            ),
        ]

    def __str__(self):
        return self.byline

    def get_absolute_url(self):
        return reverse("pseud", args=[self.user.username, self.name])

    @property
    def byline(self) -> str:
        """As AO3 writes it: the pseud, with the username in brackets when they differ."""
        username = self.user.username
        if self.name == username:
            return self.name
        return f"{self.name} ({username})"


class ProfileLink(models.Model):
    """A link on a profile: authors point readers to their other pages."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="links"
    )
    title = models.CharField(max_length=80)
    url = models.URLField(max_length=500)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title


class Preference(models.Model):
    """A reader's and an author's choices. Created with the account."""

    THEMES = [("auto", "Follow my device"), ("light", "Light"), ("dark", "Dark")]
    FONT_SIZES = [(90, "Small"), (100, "Normal"), (115, "Large"), (130, "Larger"), (150, "Largest")]
    WIDTHS = [("narrow", "Narrow"), ("normal", "Normal"), ("wide", "Wide")]

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preference"
    )
    theme = models.CharField(max_length=8, choices=THEMES, default="auto")
    font_size = models.PositiveSmallIntegerField(choices=FONT_SIZES, default=100)
    reading_width = models.CharField(max_length=8, choices=WIDTHS, default="normal")
    view_adult = models.BooleanField(
        "Show adult works without asking",
        default=False,
        help_text="Skip the warning page before Mature, Explicit and Not Rated works.",
    )
    hide_creator_notes = models.BooleanField("Hide creators' notes", default=False)
    view_full_work = models.BooleanField("Show whole works by default", default=False)
    history_enabled = models.BooleanField("Keep my reading history", default=True)
    allow_guest_comments = models.BooleanField("Let guests comment on my works", default=True)
    email_comments = models.BooleanField("E-mail me comments on my works", default=True)
    email_subscriptions = models.BooleanField("E-mail me subscription updates", default=True)

    def __str__(self):
        return f"preferences of {self.user}"


class Block(models.Model):
    """`blocker` refuses comments, replies and kudos from `blocked` on their works."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="blocks"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="block_once")]


class Mute(models.Model):
    """`muter` no longer sees the works and comments of `muted`."""

    muter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mutes"
    )
    muted = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["muter", "muted"], name="mute_once")]


class UsernameChange(models.Model):
    """A rename, kept for the rules of accounts/renames.py: how often a user may rename, how long
    the old name redirects to the new profile and stays reserved for its former owner."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="username_changes"
    )
    old_username = models.CharField(max_length=150)
    new_username = models.CharField(max_length=150)
    changed_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(Lower("old_username"), name="username_change_old_name")]

    def __str__(self):
        return f"{self.old_username} → {self.new_username}"


class SignedInSession(models.Model):
    """A browser signed in to an account (one per session), listed on the sessions page so
    the user can see where they are signed in and sign any of them out. The last use is kept
    in the cache as it happens (accounts/sessions.py) and read from there."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="signed_in_sessions"
    )
    session_key = models.CharField(max_length=40, unique=True)
    user_agent = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"session of {self.user_id} from {self.created_at:%Y-%m-%d}"


class Passkey(models.Model):
    """A WebAuthn credential the user registered (accounts/passkeys.py)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="passkeys"
    )
    name = models.CharField(max_length=60)
    credential_id = models.BinaryField(unique=True)
    public_key = models.BinaryField()
    sign_count = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.name
