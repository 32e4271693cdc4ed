from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

FORMATS = [
    ("auto", "Find out from the file"),
    ("txt", "Plain text"),
    ("md", "Markdown"),
    ("html", "HTML (a saved web page)"),
    ("docx", "Word document (.docx)"),
    ("epub", "E-book (.epub)"),
]


class ImportForm(forms.Form):
    text = forms.CharField(
        label="Paste your fic",
        required=False,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text="Everything: your notes, the story, the chapters. We'll sort it out.",
    )
    file = forms.FileField(
        label="Or upload a file",
        required=False,
        help_text="Plain text, Markdown, HTML, Word (.docx) or EPUB.",
    )
    format = forms.ChoiceField(choices=FORMATS, initial="auto")

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.size > settings.IMPORT_MAX_BYTES:
            limit = settings.IMPORT_MAX_BYTES // (1024 * 1024)
            raise ValidationError(f"The file is larger than the {limit} MB an import may be.")
        return upload

    def clean(self):
        data = super().clean()
        has_text = bool((data.get("text") or "").strip())
        has_file = bool(data.get("file"))
        if has_text and has_file:
            raise ValidationError("Paste the text or upload a file, not both.")
        if not has_text and not has_file:
            raise ValidationError("Paste your fic or choose a file to upload.")
        return data

    def document(self) -> tuple[bytes | str, str, str | None]:
        """(data, filename, format) of what the author gave."""
        fmt = self.cleaned_data["format"]
        fmt = None if fmt == "auto" else fmt
        upload = self.cleaned_data.get("file")
        if upload:
            return upload.read(), upload.name, fmt
        return self.cleaned_data["text"], "", fmt or "txt"
