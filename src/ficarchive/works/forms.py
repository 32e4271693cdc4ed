"""The posting forms. They check everything the services need, so that a post that fails
shows the author's own input again with a clear message, and nothing is saved."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from ficarchive.accounts.models import Pseud
from ficarchive.core.forms import ModelChoicesField
from ficarchive.tags.fixed import CATEGORIES, RATINGS, WARNINGS
from ficarchive.tags.models import TagType
from ficarchive.text.sanitize import html_to_plain_text, sanitize_fiction_html

from . import form_parts
from .languages import LANGUAGES
from .models import Series, Work, WorkTag

MAX_TAG_LENGTH = 150
MAX_TAGS = 75
SUMMARY_LIMIT = 1250
NOTES_LIMIT = 5000
BODY_LIMIT = 510_000
HTML_HELP = "Plain text (a blank line starts a new paragraph) or HTML."
CO_CREATORS_HELP = (
    "Other people who wrote this with you: usernames or pseuds, separated by commas. Each is "
    "asked first, and becomes a creator of the work once they accept."
)


def _text(label: str, limit: int, *, rows: int = 4, help_text: str = HTML_HELP):
    return forms.CharField(
        label=label, required=False, max_length=limit, help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )  # fmt: skip


def _tags(label: str, tag_type: str, *, required: bool = False, help_text: str = ""):
    return forms.CharField(
        label=label, required=required,
        help_text=help_text or "Separate tags with commas.",
        widget=forms.TextInput(attrs={"data-tag-type": tag_type, "autocomplete": "off",
                                      "class": "tag-input"}),
    )  # fmt: skip


def split_tags(value: str) -> list[str]:
    """'a, b ,, a' -> ['a', 'b']: the names as typed, without blanks or repeats."""
    seen, names = set(), []
    for part in (value or "").split(","):
        name = " ".join(part.split())
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            names.append(name)
    return names


def find_pseud(text: str) -> Pseud | None:
    """A creator named as AO3 writes bylines: 'pseud (username)', or a username, or a pseud
    name that only one user has."""
    text = " ".join(text.split())
    if text.endswith(")") and " (" in text:
        name, username = text[:-1].rsplit(" (", 1)
        return Pseud.objects.filter(name__iexact=name, user__username__iexact=username,
                                    user__is_active=True).first()  # fmt: skip
    by_user = Pseud.objects.filter(user__username__iexact=text, is_default=True,
                                   user__is_active=True).first()  # fmt: skip
    if by_user:
        return by_user
    named = list(Pseud.objects.filter(name__iexact=text, user__is_active=True)[:2])
    return named[0] if len(named) == 1 else None


class WorkForm(forms.Form):
    title = forms.CharField(max_length=255)
    pseuds = ModelChoicesField(
        label="Creator/Pseud(s)", queryset=Pseud.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one of your pseuds."},
    )  # fmt: skip
    co_creators = forms.CharField(
        label="Co-creators", required=False,
        help_text=CO_CREATORS_HELP,
    )  # fmt: skip
    rating = forms.ChoiceField(choices=[(r, r) for r in RATINGS], initial="Not Rated")
    warnings = forms.MultipleChoiceField(
        label="Archive Warnings", choices=[(w, w) for w in WARNINGS],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one archive warning, or that you chose "
                        "not to use them."},
    )  # fmt: skip
    categories = forms.MultipleChoiceField(
        choices=[(c, c) for c in CATEGORIES], widget=forms.CheckboxSelectMultiple, required=False
    )
    fandoms = _tags("Fandoms", TagType.FANDOM, required=True)
    relationships = _tags("Relationships", TagType.RELATIONSHIP)
    characters = _tags("Characters", TagType.CHARACTER)
    freeforms = _tags("Additional Tags", TagType.FREEFORM)
    language = forms.ChoiceField(choices=LANGUAGES, initial="en")
    summary = _text("Summary", SUMMARY_LIMIT)
    notes = _text("Notes at the beginning", NOTES_LIMIT)
    end_notes = _text("Notes at the end", NOTES_LIMIT)
    series = forms.ModelChoiceField(
        label="Part of one of your series", queryset=Series.objects.none(), required=False,
        empty_label="(none)",
    )  # fmt: skip
    new_series_title = forms.CharField(
        label="Or begin a new series", max_length=255, required=False
    )
    series_position = forms.IntegerField(
        label="Part number in the series", min_value=1, max_value=10_000, required=False,
        help_text="Leave empty to add it as the last part.",
    )  # fmt: skip
    chapters_expected = forms.IntegerField(
        label="Chapters planned", min_value=1, max_value=5000, required=False,
        help_text="Leave empty if you don't know yet (shown as ?).",
    )  # fmt: skip
    complete = forms.BooleanField(
        label="This work is complete", required=False,
        help_text="The chapters posted so far are the whole work.",
    )  # fmt: skip
    published_on = forms.DateField(
        label="Published on", required=False, widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Set an earlier date to backdate a work you first posted elsewhere.",
    )  # fmt: skip
    restricted = forms.BooleanField(label="Only show to signed-in readers", required=False)

    def __init__(self, *args, user, work: Work | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.work = work
        self.fields["pseuds"].queryset = Pseud.objects.filter(user=user)
        self.fields["series"].queryset = Series.objects.filter(owner=user).order_by("title")
        self.part_names = form_parts.add_fields(self, user, work)
        self.fields["co_creators"].help_text = CO_CREATORS_HELP
        waiting = (
            [i.pseud.byline for i in work.invitations.select_related("pseud__user")] if work else []
        )
        if waiting:
            self.fields["co_creators"].help_text += (
                " Invited, waiting for an answer: " + ", ".join(waiting) + "."
            )
        if not self.is_bound and work is None:
            self.initial.setdefault("pseuds", [p.pk for p in user.pseuds.filter(is_default=True)])
            self.initial.setdefault("warnings", ["Creator Chose Not To Use Archive Warnings"])
            self.initial.setdefault("chapters_expected", 1)

    FIELDSETS = [
        ("Tags", ["rating", "warnings", "fandoms", "categories", "relationships", "characters",
                  "freeforms"]),
        ("Preface", ["title", "pseuds", "co_creators", "summary", "notes", "end_notes"]),
        ("Series", ["series", "new_series_title", "series_position"]),
        ("Chapters and dates", ["chapters_expected", "complete", "published_on"]),
        ("Who can read it", ["language", "restricted"]),
    ]  # fmt: skip

    def fieldsets(self):
        sets = [(legend, [self[name] for name in names]) for legend, names in self.FIELDSETS]
        if self.part_names:
            sets.insert(3, (form_parts.LEGEND, [self[name] for name in self.part_names]))
        return sets

    def _clean_tag_list(self, field: str) -> list[str]:
        names = split_tags(self.cleaned_data.get(field, ""))
        for name in names:
            if len(name) > MAX_TAG_LENGTH:
                raise ValidationError(
                    f"Tags can be at most {MAX_TAG_LENGTH} characters long: “{name[:40]}…”"
                )
        return names

    def clean_fandoms(self):
        names = self._clean_tag_list("fandoms")
        if not names:
            raise ValidationError("Give at least one fandom.")
        return names

    def clean_relationships(self):
        return self._clean_tag_list("relationships")

    def clean_characters(self):
        return self._clean_tag_list("characters")

    def clean_freeforms(self):
        return self._clean_tag_list("freeforms")

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        if not title:
            raise ValidationError("Give the work a title.")
        return title

    def clean_co_creators(self):
        pseuds, unknown = [], []
        for name in split_tags(self.cleaned_data.get("co_creators", "")):
            pseud = find_pseud(name)
            if pseud is None:
                unknown.append(name)
            elif pseud.user_id != self.user.pk:
                pseuds.append(pseud)
        if unknown:
            raise ValidationError(
                "We couldn't find these creators: " + ", ".join(unknown) + ". Use a username, "
                "or a pseud written as “pseud (username)”."
            )
        return pseuds

    def clean_published_on(self):
        day = self.cleaned_data.get("published_on")
        if day and day > timezone.localdate():
            raise ValidationError("The publishing date can't be in the future.")
        return day

    def clean(self):
        data = super().clean()
        posted = self.work.chapters.count() if self.work else 1
        expected = data.get("chapters_expected")
        if expected and expected < posted:
            self.add_error(
                "chapters_expected",
                f"This work has {posted} chapters already; plan at least that many.",
            )
        count = sum(len(data.get(f) or []) for f in
                    ("fandoms", "relationships", "characters", "freeforms"))  # fmt: skip
        if count > MAX_TAGS:
            raise ValidationError(f"A work can have at most {MAX_TAGS} tags; this one has {count}.")
        if data.get("series") and data.get("new_series_title", "").strip():
            self.add_error("new_series_title", "Choose an existing series or a new one, not both.")
        return data

    def creators(self) -> list[Pseud]:
        return list(self.cleaned_data["pseuds"]) + self.cleaned_data["co_creators"]

    def work_fields(self) -> dict:
        """The keyword arguments that services.post_work and update_work take. The user of
        the form is the editor: the other people named are invited, not credited."""
        d = self.cleaned_data
        return {
            "editor": self.user, "pseuds": self.creators(), "title": d["title"], "rating": d["rating"],
            "warnings": d["warnings"], "categories": d["categories"], "fandoms": d["fandoms"],
            "relationships": d["relationships"], "characters": d["characters"],
            "freeforms": d["freeforms"], "summary": d["summary"], "notes": d["notes"],
            "end_notes": d["end_notes"], "language": d["language"],
            "chapters_expected": d["chapters_expected"], "complete": d["complete"],
            "restricted": d["restricted"], "published_on": d["published_on"],
        }  # fmt: skip

    def series_fields(self) -> dict:
        d = self.cleaned_data
        return {"series": d["series"], "new_series_title": d["new_series_title"],
                "series_position": d["series_position"]}  # fmt: skip


def initial_for(work: Work, user) -> dict:
    """The edit form's starting values for `work`, seen by `user` (one of its creators)."""
    tags = {t: [] for t in TagType.values}
    for link in WorkTag.objects.filter(work=work).select_related("tag").order_by("position"):
        tags[link.tag.type].append(link.tag.name)
    creators = [c.pseud for c in work.creatorships.all()]
    creators += [i.pseud for i in work.invitations.select_related("pseud__user")]
    own_series = work.series_parts.filter(series__owner=user).select_related("series").first()
    return {
        "title": work.title, "rating": work.rating.name,
        "pseuds": [p.pk for p in creators if p.user_id == user.pk],
        "co_creators": ", ".join(p.byline for p in creators if p.user_id != user.pk),
        "warnings": tags[TagType.WARNING], "categories": tags[TagType.CATEGORY],
        "fandoms": ", ".join(tags[TagType.FANDOM]),
        "relationships": ", ".join(tags[TagType.RELATIONSHIP]),
        "characters": ", ".join(tags[TagType.CHARACTER]),
        "freeforms": ", ".join(tags[TagType.FREEFORM]),
        "language": work.language, "summary": work.summary, "notes": work.notes,
        "end_notes": work.end_notes, "chapters_expected": work.chapters_expected,
        "complete": work.complete, "restricted": work.restricted,
        "published_on": work.published_on,
        "series": own_series.series_id if own_series else None,
        "series_position": own_series.position if own_series else None,
        **form_parts.initial_values(work, user),
    }  # fmt: skip


class ChapterForm(forms.Form):
    title = forms.CharField(label="Chapter title", max_length=255, required=False)
    label = forms.CharField(
        max_length=60, required=False,
        help_text="Instead of “Chapter N”, e.g. Prologue, Interlude, Epilogue.",
    )  # fmt: skip
    summary = _text("Chapter summary", SUMMARY_LIMIT, rows=3)
    notes = _text("Chapter notes at the beginning", NOTES_LIMIT, rows=3)
    end_notes = _text("Chapter notes at the end", NOTES_LIMIT, rows=3)
    body = forms.CharField(
        label="Chapter text", max_length=BODY_LIMIT, help_text=HTML_HELP,
        widget=forms.Textarea(attrs={"rows": 18}),
        error_messages={"required": "Write or paste the chapter's text."},
    )  # fmt: skip
    published_on = forms.DateField(
        label="Chapter published on", required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )  # fmt: skip

    def clean_body(self):
        body = self.cleaned_data["body"]
        if not html_to_plain_text(sanitize_fiction_html(body)).strip():
            raise ValidationError("The chapter has no text left once unsafe markup is taken out.")
        return body

    def clean_published_on(self):
        day = self.cleaned_data.get("published_on")
        if day and day > timezone.localdate():
            raise ValidationError("The publishing date can't be in the future.")
        return day

    def chapter_fields(self) -> dict:
        d = self.cleaned_data
        return {k: d[k] for k in ("title", "label", "summary", "notes", "end_notes", "body",
                                  "published_on")}  # fmt: skip


class ReorderForm(forms.Form):
    """One number field per chapter, named chapter_<id>: the chapter's new place."""

    def __init__(self, *args, chapters, **kwargs):
        super().__init__(*args, **kwargs)
        self.chapters = list(chapters)
        for chapter in self.chapters:
            self.fields[f"chapter_{chapter.pk}"] = forms.IntegerField(
                label=chapter.heading, min_value=1, max_value=len(self.chapters),
                initial=chapter.position,
            )  # fmt: skip

    def ordered_ids(self) -> list[int]:
        places = {c.pk: self.cleaned_data[f"chapter_{c.pk}"] for c in self.chapters}
        return sorted(places, key=lambda pk: (places[pk], pk))

    def clean(self):
        data = super().clean()
        numbers = [data.get(f"chapter_{c.pk}") for c in self.chapters]
        if None not in numbers and len(set(numbers)) != len(numbers):
            raise ValidationError("Give each chapter a different number.")
        return data


class SeriesForm(forms.Form):
    title = forms.CharField(max_length=255)
    summary = _text("Summary", SUMMARY_LIMIT)
    notes = _text("Notes", NOTES_LIMIT)
    complete = forms.BooleanField(label="This series is complete", required=False)
