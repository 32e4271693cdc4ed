"""`ficarchive load_demo`: demo accounts and works written for this project, so that a new
archive is not empty. Safe to run again: it adds only what is missing."""

from django.core.management.base import BaseCommand

from ficarchive.works.demo import load_demo


class Command(BaseCommand):
    help = "Load the demo accounts and works (idempotent)."

    def handle(self, *args, **options):
        from ficarchive.collections.demo import load_collections_demo

        created = load_demo()
        created += load_collections_demo()
        self.stdout.write(f"demo content ready ({created} new objects)")
