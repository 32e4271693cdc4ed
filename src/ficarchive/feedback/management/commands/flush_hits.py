from django.core.management.base import BaseCommand

from ficarchive.feedback.services.hits import flush_hits


class Command(BaseCommand):
    help = "Add the hits buffered in the cache to the works' hit counts."

    def handle(self, *args, **options):
        written = flush_hits()
        self.stdout.write(f"{written} hit{'s' if written != 1 else ''} written")
