"""The stats pages' choices, all in the query string (links and a GET form, no JavaScript):
fandom and year to narrow, a column to sort by, a figure and a period to chart."""

from __future__ import annotations

from django import forms

from .figures import FIGURES, SORTS
from .periods import BY_NAME

PERIOD_CHOICES = [(name, f"Per {name}") for name in BY_NAME]


class ChartForm(forms.Form):
    figure = forms.ChoiceField(choices=FIGURES, required=False)
    period = forms.ChoiceField(choices=PERIOD_CHOICES, required=False)

    def chart(self) -> tuple[str, str]:
        """(figure, period code): the reader's choice, or hits per week."""
        self.is_valid()  # the valid fields are kept in cleaned_data, the others left out
        data = self.cleaned_data
        return data.get("figure") or "hits", BY_NAME[data.get("period") or "week"]


class StatsForm(ChartForm):
    fandom = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)
    year = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)
    sort = forms.ChoiceField(choices=[(s, s) for s in SORTS], required=False)
    order = forms.ChoiceField(choices=[("desc", "desc"), ("asc", "asc")], required=False)

    def __init__(self, data, *, fandoms: list[tuple[int, str]], years: list[int]):
        super().__init__(data)
        self.fields["fandom"].choices = [("", "All fandoms"), *fandoms]
        self.fields["year"].choices = [("", "All years"), *((y, str(y)) for y in years)]

    def choices(self) -> dict:
        """What to show: the valid choices, and the default for each that is not."""
        figure, period = self.chart()
        data = self.cleaned_data
        return {
            "fandom": data.get("fandom"),
            "year": data.get("year"),
            "sort": data.get("sort") or "hits",
            "descending": (data.get("order") or "desc") == "desc",
            "figure": figure,
            "period": period,
        }
