from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ficarchive.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Replace the database and the users' files with a backup's (stop the archive first)."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="a file written by `ficarchive backup`")
        parser.add_argument("--yes", action="store_true", help="do not ask")

    def handle(self, *args, archive, yes, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"no such backup: {path}")
        if not yes and input(f"Replace this archive's data with {path}? [y/N] ").lower() != "y":
            raise CommandError("nothing restored")
        try:
            manifest = restore_backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"restored the {manifest['engine']} backup of {manifest['created']}")
