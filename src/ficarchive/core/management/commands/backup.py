from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ficarchive.core.backup import BackupError, make_backup


class Command(BaseCommand):
    help = "Back up the database and the users' files into one tar file (docs/operating.md)."

    def add_arguments(self, parser):
        parser.add_argument("folder", nargs="?", default="backups", help="where to write it")

    def handle(self, *args, folder, **options):
        try:
            path = make_backup(Path(folder))
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(path))
