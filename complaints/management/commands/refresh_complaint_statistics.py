from django.core.management.base import BaseCommand

from complaints.statistics import refresh


class Command(BaseCommand):
    help = "Recompute the published complaint statistics of the latest months."

    def add_arguments(self, parser):
        parser.add_argument("--months", type=int, default=2)

    def handle(self, *args, **options):
        refresh(options["months"])
        self.stdout.write(f"Statistics of the last {options['months']} month(s) recomputed.")
