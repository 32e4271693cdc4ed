"""Form fields the archive's forms share."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

BIGGEST_ID = 2**63 - 1


class ModelChoicesField(forms.ModelMultipleChoiceField):
    """Django's ModelMultipleChoiceField, except that an id too big for any database column is
    refused like any unknown choice (SQLite raises OverflowError on it in an `__in` query)."""

    def clean(self, value):
        for item in value or ():
            text = str(item)
            if text.isascii() and text.isdigit() and int(text) > BIGGEST_ID:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": text},
                )
        return super().clean(value)
