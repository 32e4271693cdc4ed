from django import forms

from .fixed import MEDIA
from .models import Tag, TagType

WRANGLED_TYPES = [
    (t.value, t.label)
    for t in TagType
    if t not in {TagType.RATING, TagType.WARNING, TagType.CATEGORY}
]


class UnwrangledFilterForm(forms.Form):
    type = forms.ChoiceField(choices=[("", "All types"), *WRANGLED_TYPES], required=False)
    fandom = forms.CharField(
        required=False,
        max_length=150,
        widget=forms.TextInput(
            attrs={"data-tag-type": "fandom", "data-tag-single": "", "autocomplete": "off"}
        ),
        help_text="Only tags on works of this fandom.",
    )


class TagNameForm(forms.Form):
    """Names an existing tag of a given type (for synonyms, merges and parents)."""

    name = forms.CharField(max_length=150, label="Tag")

    def __init__(self, *args, tag_type: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.tag_type = tag_type
        self.fields["name"].widget.attrs.update(
            {"data-tag-type": tag_type, "data-tag-single": "", "autocomplete": "off"}
        )

    def clean_name(self) -> Tag:
        name = self.cleaned_data["name"]
        tag = Tag.objects.named(self.tag_type, name).first()
        if tag is None:
            label = TagType(self.tag_type).label
            raise forms.ValidationError(f"There is no {label} tag named {name!r}.")
        return tag


class ParentForm(forms.Form):
    type = forms.ChoiceField(choices=WRANGLED_TYPES, initial=TagType.FANDOM, label="Parent type")
    name = forms.CharField(
        max_length=150,
        label="Parent tag",
        widget=forms.TextInput(
            attrs={"data-tag-type": "fandom", "data-tag-single": "", "autocomplete": "off"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["data-tag-type-from"] = self["type"].auto_id

    def clean(self):
        data = super().clean()
        if "type" in data and "name" in data:
            parent = Tag.objects.named(data["type"], data["name"]).first()
            if parent is None:
                raise forms.ValidationError(f"There is no such tag: {data['name']!r}.")
            data["parent"] = parent
        return data


class RenameForm(forms.Form):
    name = forms.CharField(max_length=150, label="New name")


class MediaForm(forms.Form):
    """The media a fandom is listed under on /tags (none: "Uncategorized Fandoms")."""

    media = forms.MultipleChoiceField(
        choices=[(m, m) for m in MEDIA], required=False, widget=forms.CheckboxSelectMultiple,
        label="Media",
    )  # fmt: skip
