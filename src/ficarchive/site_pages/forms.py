from django import forms

from ficarchive.feedback.forms import CommentForm

SUBJECT_CHARS = 200
MESSAGE_CHARS = 5000


class NewsCommentForm(CommentForm):
    """feedback's comment form; news comments are by the account, not a pseud, and guests
    give no e-mail."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("pseud", None)
        self.fields.pop("guest_email", None)


class SupportForm(forms.Form):
    name = forms.CharField(label="Your name", max_length=100, required=False)
    email = forms.EmailField(
        label="Your e-mail address", help_text="The answer goes to this address."
    )
    subject = forms.CharField(max_length=SUBJECT_CHARS)
    message = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MESSAGE_CHARS,
        help_text=f"Plain text, at most {MESSAGE_CHARS:,} characters.",
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.is_authenticated:
            self.fields["email"].initial = user.email
            self.fields["name"].initial = user.username

    def clean_message(self):
        message = self.cleaned_data["message"].strip()
        if not message:
            raise forms.ValidationError("Please write what you need help with.")
        return message


class AnswerForm(forms.Form):
    answer = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10_000,
        help_text="Plain text. It goes out by e-mail to the address the request gave.",
    )


class AcceptTermsForm(forms.Form):
    accept = forms.BooleanField(
        label="I have read and accept the new Terms of Service",
        error_messages={"required": "Please tick the box to accept the new terms."},
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class QueueForm(forms.Form):
    email = forms.EmailField(
        label="Your e-mail address", help_text="Your invitation will come to this address."
    )


class SendInvitationForm(forms.Form):
    email = forms.EmailField(label="Their e-mail address")
