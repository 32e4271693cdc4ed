from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from .css import MAX_LENGTH
from .models import Skin
from .services import sanitize


class SkinForm(forms.Form):
    title = forms.CharField(max_length=100)
    css = forms.CharField(
        label="CSS", widget=forms.Textarea(attrs={"rows": 18, "spellcheck": "false"}),
        max_length=MAX_LENGTH, strip=False,
        help_text=f"At most {MAX_LENGTH:,} characters. See the guide below for what a skin may "
        "hold.",
    )  # fmt: skip

    def __init__(self, *args, owner, kind: str, skin: Skin | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.owner, self.kind, self.skin = owner, kind, skin
        if kind == Skin.WORK:
            self.fields["css"].help_text += (
                " Your selectors are put under #workskin, the box around the work's text: "
                "write .text, not #workskin .text (both work)."
            )

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        taken = Skin.objects.filter(owner=self.owner, kind=self.kind, title__iexact=title)
        if self.skin is not None:
            taken = taken.exclude(pk=self.skin.pk)
        if taken.exists():
            raise ValidationError("You have a skin with that title already.")
        return title

    def clean_css(self):
        css = self.cleaned_data["css"]
        dropped = sanitize(self.kind, css).dropped
        if dropped:
            raise ValidationError(
                ["Nothing was saved: these parts of the CSS are not allowed in a skin. Take them "
                 "out or change them, then save again."] + [str(d) for d in dropped]
            )  # fmt: skip
        return css
