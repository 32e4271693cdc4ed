import re

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.forms import inlineformset_factory

from . import signup_parts
from .models import Preference, ProfileLink, Pseud, User
from .renames import USERNAME_HELP, name_problem

NAME_RULE = re.compile(r"^[\w][\w .\-]*$")
NAME_HELP = (
    "Letters, numbers, spaces, dots, dashes and underscores; starts with a letter or number."
)


class SignupForm(forms.Form):
    username = forms.CharField(
        max_length=40, help_text="Your login and your first pen name: " + USERNAME_HELP
    )
    email = forms.EmailField()
    password1 = forms.CharField(label="Password", widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label="Password again", widget=forms.PasswordInput, strip=False)

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        signup_parts.add_fields(self, request)

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        problem = name_problem(username)
        if problem:
            raise ValidationError(problem)
        return username

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError("An account with that e-mail address exists already.")
        return email

    def clean(self):
        data = super().clean()
        p1, p2 = data.get("password1"), data.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", "The two passwords differ.")
        elif p1:
            probe = User(username=data.get("username", ""), email=data.get("email", ""))
            try:
                password_validation.validate_password(p1, probe)
            except ValidationError as error:
                self.add_error("password1", error)
        return data


def login_name(given: str) -> str:
    """The username a log-in names: the one given, or the account's of an e-mail address."""
    given = given.strip()
    if "@" in given:
        user = User.objects.filter(email__iexact=given).only("username").first()
        if user:
            return user.username
    return given


class LoginForm(AuthenticationForm):
    username = forms.CharField(label="Username or e-mail", max_length=254)

    def clean_username(self):
        return login_name(self.cleaned_data["username"])


class PseudForm(forms.ModelForm):
    class Meta:
        model = Pseud
        fields = ["name", "description"]
        help_texts = {"name": NAME_HELP}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not NAME_RULE.match(name):
            raise ValidationError("A pseud is " + NAME_HELP[0].lower() + NAME_HELP[1:])
        clash = Pseud.objects.filter(user=self.user, name__iexact=name)
        if self.instance.pk:
            clash = clash.exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError("You have a pseud of that name already.")
        return name


class ProfileForm(forms.Form):
    bio = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=5000,
        help_text="Plain text or simple HTML (italics, bold, links).",
    )


class LinkForm(forms.ModelForm):
    url = forms.URLField(label="Address", max_length=500, assume_scheme="https")

    class Meta:
        model = ProfileLink
        fields = ["title", "url"]

    def clean_url(self):
        url = self.cleaned_data["url"]
        if not url.lower().startswith(("http://", "https://")):
            raise ValidationError("Links start with http:// or https://.")
        return url


LinkFormSet = inlineformset_factory(
    User, ProfileLink, form=LinkForm, extra=2, max_num=20, validate_max=True, can_delete=True
)


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = Preference
        fields = [
            "theme", "font_size", "reading_width", "view_adult", "hide_creator_notes",
            "view_full_work", "history_enabled", "allow_guest_comments", "email_comments",
            "email_subscriptions",
        ]  # fmt: skip


class PasswordCheckForm(forms.Form):
    """A change to the account, confirmed with its current password (`user` given to the form)."""

    password = forms.CharField(label="Your password", widget=forms.PasswordInput, strip=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError("That is not your current password.")
        return password


class UsernameForm(PasswordCheckForm):
    username = forms.CharField(label="New username", max_length=40, help_text=USERNAME_HELP)
    field_order = ["username", "password"]

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        problem = name_problem(username, self.user)
        if problem:
            raise ValidationError(problem)
        return username


class EmailForm(PasswordCheckForm):
    email = forms.EmailField(label="New e-mail address")
    field_order = ["email", "password"]

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if email.lower() == self.user.email.lower():
            raise ValidationError("That is your e-mail address already.")
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError("An account with that e-mail address exists already.")
        return email
