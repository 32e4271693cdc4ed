"""`ficarchive import_folder PATH --user NAME`: every document in a folder becomes a draft of
that user, with a progress bar. A file that can't be read is reported and skipped."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from ficarchive.accounts.models import User
from ficarchive.imports.services import import_as_draft
from ficarchive.text import ImportRefused

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".epub"}


class Command(BaseCommand):
    help = "Import every fic in a folder as drafts of one user."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--user", required=True, help="The username the drafts belong to.")

    def handle(self, *args, path: Path, user: str, **options):
        owner = User.objects.filter(username=user).first()
        if owner is None:
            raise CommandError(f"there is no user named {user!r}")
        if not path.is_dir():
            raise CommandError(f"{path} is not a folder")
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        imported, refused = 0, []
        for file in tqdm(files, desc="importing", unit="file", disable=not files):
            try:
                import_as_draft(owner, file.read_bytes(), filename=file.name)
            except (ImportRefused, ValueError) as refusal:
                refused.append(f"{file}: {refusal}")
            else:
                imported += 1
        for line in refused:
            self.stderr.write(f"skipped {line}")
        self.stdout.write(f"{imported} drafts imported, {len(refused)} files skipped")
