from django import forms

from .models import WorkFeedbackSettings
from .services.bookmarks import parse_bookmark_tags
from .services.rules import Refused

COMMENT_HELP = "Plain text, or simple HTML: <em>, <strong>, <a href>, <blockquote>, lists."


class CommentForm(forms.Form):
    """A comment or reply. Signed-in readers may pick a pseud; guests give a name."""

    body = forms.CharField(
        label="Comment", widget=forms.Textarea(attrs={"rows": 5}), help_text=COMMENT_HELP
    )
    pseud = forms.TypedChoiceField(label="Comment as", required=False, coerce=int, empty_value=None)
    guest_name = forms.CharField(label="Your name", max_length=60, required=False)
    guest_email = forms.EmailField(
        label="Your e-mail (optional, never shown)", required=False, max_length=254
    )

    def __init__(self, *args, user=None, pseud_count=None, **kwargs):
        """`pseud_count`: how many pseuds the user has, when known (one: no list to read)."""
        super().__init__(*args, **kwargs)
        self.user = user
        if user is not None and user.is_authenticated:
            del self.fields["guest_name"], self.fields["guest_email"]
            pseuds = list(user.pseuds.all()) if pseud_count is None or pseud_count > 1 else []
            if len(pseuds) > 1:
                self.fields["pseud"].choices = [(p.pk, p.name) for p in pseuds]
                self.fields["pseud"].initial = next((p.pk for p in pseuds if p.is_default), None)
            else:
                del self.fields["pseud"]
        else:
            del self.fields["pseud"]
            self.fields["guest_name"].required = True

    def author_fields(self) -> dict:
        """What the form says about who writes: the pseud (None when none is chosen: the
        service takes the default one), or the guest's name and e-mail."""
        data = self.cleaned_data
        if "pseud" in self.fields:
            chosen = data.get("pseud")
            return {"pseud": self.user.pseuds.filter(pk=chosen).first() if chosen else None}
        if "guest_name" in self.fields:
            return {"guest_name": data["guest_name"], "guest_email": data.get("guest_email", "")}
        return {}


class CommentEditForm(forms.Form):
    body = forms.CharField(
        label="Comment", widget=forms.Textarea(attrs={"rows": 6}), help_text=COMMENT_HELP
    )


class BookmarkForm(forms.Form):
    notes = forms.CharField(
        label="Notes", required=False, widget=forms.Textarea(attrs={"rows": 4}), max_length=5000
    )
    tags = forms.CharField(
        label="Your tags",
        required=False,
        max_length=2000,
        help_text="Separated by commas. Only for your bookmarks; they are not wrangled.",
    )
    rec = forms.BooleanField(label="Recommend it (rec)", required=False)
    private = forms.BooleanField(label="Private: only I see this bookmark", required=False)

    def clean_tags(self):
        try:
            return parse_bookmark_tags(self.cleaned_data["tags"])
        except Refused as refusal:
            raise forms.ValidationError(refusal.message) from None

    def clean(self):
        data = super().clean()
        if data.get("rec") and data.get("private"):
            self.add_error("rec", "A private bookmark can't be a rec: others wouldn't see it.")
        return data


class FeedbackSettingsForm(forms.ModelForm):
    guest_comments = forms.NullBooleanField(
        label="Guests may comment",
        required=False,
        widget=forms.Select(
            choices=[
                ("unknown", "As my preferences say"),
                ("true", "Yes, on this work"),
                ("false", "No, only signed-in readers"),
            ]
        ),
    )

    class Meta:
        model = WorkFeedbackSettings
        fields = ["moderate_comments", "guest_comments", "comments_closed"]
