"""The forms of challenges: the exchange's settings and sign-up form, a sign-up (built from
the exchange's rules), a prompt."""

from __future__ import annotations

from django import forms

from ficarchive.works.forms import split_tags

from .models import SIGNUP_TAG_TYPES
from .signups import TYPE_NAMES, PromptInput


class ExchangeForm(forms.Form):
    requests_min = forms.IntegerField(min_value=1, max_value=10, initial=1)
    requests_max = forms.IntegerField(min_value=1, max_value=10, initial=3)
    offers_min = forms.IntegerField(min_value=1, max_value=10, initial=1)
    offers_max = forms.IntegerField(min_value=1, max_value=10, initial=3)
    signups_open = forms.BooleanField(required=False, label="Sign-ups are open now")
    signups_open_at = forms.DateTimeField(required=False, label="Sign-ups open on (UTC)")
    signups_close_at = forms.DateTimeField(required=False, label="Sign-ups close on (UTC)")
    nominations_open = forms.BooleanField(required=False, label="Participants may nominate tags")
    nominations_max = forms.IntegerField(min_value=0, max_value=20, initial=3)
    assignments_due_at = forms.DateTimeField(required=False, label="Assignments due (UTC)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for tag_type, label in SIGNUP_TAG_TYPES:
            p = f"{tag_type}_"
            self.fields[p + "max_tags"] = forms.IntegerField(
                min_value=0, max_value=20, initial=0, label=f"{label}: at most (0: not asked)"
            )
            self.fields[p + "min_tags"] = forms.IntegerField(
                min_value=0, max_value=20, initial=0, label=f"{label}: at least"
            )
            self.fields[p + "allow_any"] = forms.BooleanField(
                required=False, label=f"{label}: “any” allowed"
            )
            self.fields[p + "required_to_match"] = forms.IntegerField(
                min_value=0, max_value=20, initial=0, label=f"{label}: shared to match"
            )
            self.fields[p + "weight"] = forms.IntegerField(
                min_value=0,
                max_value=100,
                initial=1,
                label=f"{label}: weight of each tag shared beyond",
            )

    def settings(self) -> dict:
        d = self.cleaned_data
        return {k: d[k] for k in ExchangeForm.base_fields}

    def rules(self) -> dict[str, dict]:
        d = self.cleaned_data
        names = ("min_tags", "max_tags", "allow_any", "required_to_match", "weight")
        return {
            t: {n: d[f"{t}_{n}"] for n in names}
            for t, _ in SIGNUP_TAG_TYPES
            if d[f"{t}_max_tags"] > 0
        }


def exchange_initial(exchange) -> dict:
    if exchange is None:
        return {}
    initial = {k: getattr(exchange, k) for k in ExchangeForm.base_fields}
    for rule in exchange.rules.all():
        for n in ("min_tags", "max_tags", "allow_any", "required_to_match", "weight"):
            initial[f"{rule.tag_type}_{n}"] = getattr(rule, n)
    return initial


class SignupForm(forms.Form):
    """As many request and offer blocks as the exchange allows; blocks left empty are not
    sent. Each block: a tag field per tag type the exchange asks for, "any" where allowed,
    and a free-text prompt."""

    def __init__(self, exchange, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.exchange = exchange
        self.rules = list(exchange.rules.all())
        self.blocks = []
        for kind, count in (("request", exchange.requests_max), ("offer", exchange.offers_max)):
            for n in range(1, count + 1):
                prefix = f"{kind}_{n}"
                names = []
                for rule in self.rules:
                    label = TYPE_NAMES[rule.tag_type]
                    self.fields[f"{prefix}_{rule.tag_type}"] = forms.CharField(
                        required=False, max_length=2000, label=f"{kind.capitalize()} {n}: {label}",
                        help_text=f"Up to {rule.max_tags}, separated by commas.",
                    )  # fmt: skip
                    names.append(f"{prefix}_{rule.tag_type}")
                    if rule.allow_any:
                        self.fields[f"{prefix}_any_{rule.tag_type}"] = forms.BooleanField(
                            required=False, label=f"{kind.capitalize()} {n}: any {label}"
                        )
                        names.append(f"{prefix}_any_{rule.tag_type}")
                self.fields[f"{prefix}_description"] = forms.CharField(
                    required=False, widget=forms.Textarea(attrs={"rows": 3}), max_length=5000,
                    label=f"{kind.capitalize()} {n}: prompt (optional)",
                )  # fmt: skip
                names.append(f"{prefix}_description")
                self.blocks.append((kind, prefix, names))

    def prompts(self, kind: str) -> list[PromptInput]:
        d = self.cleaned_data
        found = []
        for block_kind, prefix, _ in self.blocks:
            if block_kind != kind:
                continue
            tags = {
                r.tag_type: split_tags(d.get(f"{prefix}_{r.tag_type}") or "") for r in self.rules
            }
            any_types = {r.tag_type for r in self.rules if d.get(f"{prefix}_any_{r.tag_type}")}
            description = d.get(f"{prefix}_description") or ""
            if any(tags.values()) or any_types or description.strip():
                found.append(
                    PromptInput({t: v for t, v in tags.items() if v}, any_types, description)
                )
        return found


def signup_initial(signup) -> dict:
    if signup is None:
        return {}
    initial = {}
    counts = {"request": 0, "offer": 0}
    for prompt in signup.prompts.prefetch_related("tags"):
        counts[prompt.kind] += 1
        prefix = f"{prompt.kind}_{counts[prompt.kind]}"
        for tag in prompt.tags.all():
            key = f"{prefix}_{tag.type}"
            initial[key] = ", ".join(filter(None, [initial.get(key), tag.name]))
        for tag_type in prompt.any_types:
            initial[f"{prefix}_any_{tag_type}"] = True
        initial[f"{prefix}_description"] = prompt.description
    return initial


class PromptForm(forms.Form):
    title = forms.CharField(max_length=200)
    text = forms.CharField(
        required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 5})
    )
    fandoms = forms.CharField(required=False, max_length=2000, help_text="Separated by commas.")
    characters = forms.CharField(required=False, max_length=2000)
    relationships = forms.CharField(required=False, max_length=2000)
    freeforms = forms.CharField(required=False, max_length=2000, label="Additional tags")
    anonymous = forms.BooleanField(required=False, label="Post anonymously")

    def tags(self) -> dict[str, list[str]]:
        d = self.cleaned_data
        return {
            "fandom": split_tags(d["fandoms"]), "character": split_tags(d["characters"]),
            "relationship": split_tags(d["relationships"]), "freeform": split_tags(d["freeforms"]),
        }  # fmt: skip
