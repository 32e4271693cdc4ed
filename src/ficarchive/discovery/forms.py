"""The filter form of every listing, read from the query string. Bad values never fail the
page: the field is left out and its error shown beside the results."""

from __future__ import annotations

from django import forms

from ficarchive.core.forms import ModelChoicesField
from ficarchive.tags.models import Tag, TagType

from . import work_groups

SORTS = {
    "updated": ("Date updated", ["-updated_at", "-pk"]),
    "published": ("Date posted", ["-published_on", "-pk"]),
    "kudos": ("Kudos", ["-kudos_count", "-pk"]),
    "hits": ("Hits", ["-hits_count", "-pk"]),
    "bookmarks": ("Bookmarks", ["-bookmarks_count", "-pk"]),
    "comments": ("Comments", ["-comments_count", "-pk"]),
    "words": ("Word count", ["-word_count", "-pk"]),
    "title": ("Title", ["title", "pk"]),
}
MAX_IDS = 50


class IdListField(forms.Field):
    """Repeated numeric query parameters (tag ids from the facets); anything else is dropped."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value) -> list[int]:
        values = value if isinstance(value, list | tuple) else [value] if value else []
        ids = [int(v) for v in values if str(v).isdigit() and len(str(v)) < 12]
        return list(dict.fromkeys(ids))[:MAX_IDS]


def tag_names(value: str) -> list[str]:
    return [n.strip() for n in (value or "").split(",") if n.strip()][:MAX_IDS]


class FilterForm(forms.Form):
    q = forms.CharField(label="Search within results", required=False, max_length=500)
    sort = forms.ChoiceField(
        label="Sort by", required=False, choices=[(k, v[0]) for k, v in SORTS.items()]
    )
    rating = ModelChoicesField(
        label="Ratings", required=False, widget=forms.CheckboxSelectMultiple,
        queryset=Tag.objects.filter(type=TagType.RATING).order_by("pk"),
    )  # fmt: skip
    include_ids = IdListField(required=False)
    exclude_ids = IdListField(required=False)
    include = forms.CharField(
        label="Other tags to include", required=False, max_length=2000,
        help_text="Tag names separated by commas.",
    )  # fmt: skip
    exclude = forms.CharField(
        label="Other tags to exclude", required=False, max_length=2000,
        help_text="Tag names separated by commas.",
    )  # fmt: skip
    crossover = forms.ChoiceField(
        label="Crossovers", required=False,
        choices=[("", "Include crossovers"), ("no", "Exclude crossovers"),
                 ("yes", "Only crossovers")],
    )  # fmt: skip
    complete = forms.ChoiceField(
        label="Completion status", required=False,
        choices=[("", "All works"), ("yes", "Complete works only"),
                 ("no", "Works in progress only")],
    )  # fmt: skip
    words_from = forms.IntegerField(label="Words from", required=False, min_value=0)
    words_to = forms.IntegerField(label="Words to", required=False, min_value=0)
    updated_from = forms.DateField(
        label="Updated from", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    updated_to = forms.DateField(
        label="Updated to", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    language = forms.CharField(label="Language", required=False, max_length=12)

    def __init__(self, params, *args, **kwargs):
        super().__init__(params, *args, **kwargs)
        for name in ("words_from", "words_to"):
            self.fields[name].widget.attrs["placeholder"] = "any"
        work_groups.add_fields(self)

    def group_fields(self) -> list:
        """The bound fields of the work groups other apps registered (work_groups.py)."""
        return [self[g.param] for g in work_groups.GROUPS] + [
            self["exclude_" + g.param] for g in work_groups.GROUPS
        ]

    def valid_data(self) -> dict:
        """The cleaned values of the fields that are valid; invalid fields count as empty."""
        self.is_valid()
        return {k: v for k, v in self.cleaned_data.items() if k not in self.errors}

    def error_notes(self) -> list[str]:
        self.is_valid()
        return [
            f"{self.fields[name].label}: {' '.join(errors)} This filter was left out."
            for name, errors in self.errors.items()
        ]
