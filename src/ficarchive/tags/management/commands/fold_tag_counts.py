from django.core.management.base import BaseCommand

from ficarchive.tags.counts import fold_tag_counts, recount_tags


class Command(BaseCommand):
    help = "Fold pending tag count changes into the tags' counts (--recount: count from scratch)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--recount", action="store_true", help="Recount every tag from the works."
        )

    def handle(self, *args, recount=False, **options):
        if recount:
            self.stdout.write(f"Recounted: {recount_tags()} tags corrected.")
        else:
            self.stdout.write(f"Folded {fold_tag_counts()} count changes.")
