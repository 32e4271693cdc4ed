from django import forms
from django.utils import timezone

from .models import Collection

TEXTAREA = forms.Textarea(attrs={"rows": 5})


class CollectionForm(forms.Form):
    name = forms.CharField(
        max_length=60, help_text="In its address (/collections/NAME): letters, digits and _. "
        "It can't be changed later.",
    )  # fmt: skip
    title = forms.CharField(max_length=255)
    parent = forms.CharField(
        label="Sub-collection of", required=False, max_length=60,
        help_text="The name of a collection you maintain, to make this one part of it.",
    )  # fmt: skip
    header_image_url = forms.URLField(label="Header image address", required=False,
                                      max_length=500, assume_scheme="https")  # fmt: skip
    description = forms.CharField(required=False, widget=TEXTAREA, max_length=20_000)
    intro = forms.CharField(label="Introduction", required=False, widget=TEXTAREA,
                            max_length=20_000)  # fmt: skip
    faq = forms.CharField(label="FAQ", required=False, widget=TEXTAREA, max_length=20_000)
    rules = forms.CharField(required=False, widget=TEXTAREA, max_length=20_000)
    closed = forms.BooleanField(label="Closed to new works and bookmarks", required=False)
    moderated = forms.BooleanField(label="Moderated: new items wait for approval",
                                   required=False)  # fmt: skip
    anonymous = forms.BooleanField(label="Anonymous: creators are hidden until revealed",
                                   required=False)  # fmt: skip
    unrevealed = forms.BooleanField(label="Unrevealed: works are hidden until revealed",
                                    required=False)  # fmt: skip
    reveal_at = forms.DateTimeField(
        label="Reveal the works on", required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )  # fmt: skip
    reveal_creators_at = forms.DateTimeField(
        label="Reveal the creators on", required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )  # fmt: skip

    def __init__(self, *args, collection: Collection | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.collection = collection
        if collection is not None:
            del self.fields["name"]
            del self.fields["parent"]

    def _future(self, key):
        value = self.cleaned_data.get(key)
        current = getattr(self.collection, key, None)
        if value and value != current and value <= timezone.now():
            raise forms.ValidationError("This date is in the past: choose a date to come.")
        return value

    def clean_reveal_at(self):
        return self._future("reveal_at")

    def clean_reveal_creators_at(self):
        return self._future("reveal_creators_at")

    def clean_parent(self):
        name = self.cleaned_data.get("parent", "").strip()
        if not name:
            return None
        parent = Collection.objects.filter(name__iexact=name).first()
        if parent is None:
            raise forms.ValidationError(f"There is no collection named “{name}”.")
        return parent

    def settings(self) -> dict:
        d = dict(self.cleaned_data)
        d.pop("name", None)
        d.pop("parent", None)
        return d


def initial_of(collection: Collection) -> dict:
    keys = ["title", "header_image_url", "description", "intro", "faq", "rules", "closed",
            "moderated", "anonymous", "unrevealed", "reveal_at", "reveal_creators_at"]  # fmt: skip
    return {key: getattr(collection, key) for key in keys}


class RoleForm(forms.Form):
    username = forms.CharField(max_length=150)
    role = forms.ChoiceField(choices=[("owner", "Owner"), ("moderator", "Moderator"),
                                      ("member", "Member"), ("none", "Not a participant")])  # fmt: skip


class InviteForm(forms.Form):
    work = forms.CharField(label="Work address or id", max_length=500)
