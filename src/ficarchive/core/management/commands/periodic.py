from django.core.management.base import BaseCommand

from ficarchive.core.periodic import run_forever


class Command(BaseCommand):
    help = "Enqueue the archive's periodic jobs (run exactly one of these per site)."

    def handle(self, *args, **options):
        self.stdout.write("periodic jobs scheduled; Ctrl-C stops")
        run_forever()
