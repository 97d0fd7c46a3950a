from django.core.management.base import BaseCommand

from impact import rollup


class Command(BaseCommand):
    help = "Impact figures: `rollup` rebuilds the partial sums the public pages read."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rollup"])

    def handle(self, *args, **options):
        cells = rollup.rebuild()
        self.stdout.write(f"{cells} cells rebuilt")
