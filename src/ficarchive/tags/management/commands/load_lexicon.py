from django.core.management.base import BaseCommand

from ficarchive.tags.lexicon_load import load_lexicon_into_tags
from ficarchive.text.lexicon import load_lexicon


class Command(BaseCommand):
    help = (
        "Load or refresh the shipped lexicon (fandoms, characters, ships, genre words) into the "
        "tag table as canonical tags with synonyms and parents. Safe to run again."
    )

    def handle(self, *args, **options):
        report = load_lexicon_into_tags(load_lexicon())
        for line in report.lines():
            self.stdout.write(line)
