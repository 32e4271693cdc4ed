from django import forms

from .models import ModerationAction, Report
from .services import MAX_NOTE_CHARS


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label="What is wrong?", choices=Report.Reason.choices, widget=forms.RadioSelect
    )
    details = forms.CharField(
        label="Tell the moderators more",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Where to look, and why. Needed when you choose “Something else”.",
    )
    email = forms.EmailField(
        label="Your e-mail address",
        required=False,
        help_text="Only the moderators see it, in case they need to ask you something.",
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.signed_in = bool(user and user.is_authenticated)
        if self.signed_in:
            del self.fields["email"]
        else:
            self.fields["email"].required = True

    def clean(self):
        data = super().clean()
        if data.get("reason") == Report.Reason.OTHER and not data.get("details", "").strip():
            self.add_error("details", "Please say what is wrong.")
        return data


class ActionForm(forms.Form):
    """One note and a button per action that applies to the target."""

    action = forms.ChoiceField(choices=ModerationAction.Kind.choices)
    note = forms.CharField(
        label="Note for the log",
        max_length=MAX_NOTE_CHARS,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Why you act: it goes into the moderation log, and a creator whose work "
        "you hide reads it on the work's page.",
        error_messages={
            "required": "Please write a short note saying why: it goes into the moderation log."
        },
    )

    def __init__(self, *args, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [
            (value, label) for value, label in ModerationAction.Kind.choices if value in actions
        ]
        self.fields["action"].error_messages["invalid_choice"] = (
            "That action doesn't apply to this report any more."
        )
