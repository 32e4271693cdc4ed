from django.core.management.base import BaseCommand

from ficarchive.feedback.services.history import flush_readings
from ficarchive.feedback.services.hits import flush_hits


class Command(BaseCommand):
    help = "Add the hits (and history visits) buffered in the cache to the database."

    def handle(self, *args, **options):
        written = flush_hits()
        flush_readings()
        self.stdout.write(f"{written} hit{'s' if written != 1 else ''} written")
