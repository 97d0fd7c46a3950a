import time

from django.core.management.base import BaseCommand

from complaints.outbox import deliver_due


class Command(BaseCommand):
    help = (
        "Send the updates owed to the national platform, each case's in order, retrying "
        "failures with exponential back-off. --loop keeps running as a worker."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="keep running")
        parser.add_argument(
            "--interval", type=float, default=5.0, help="seconds between rounds with --loop"
        )

    def handle(self, *args, **options):
        while True:
            delivered, failed = deliver_due()
            if delivered or failed or not options["loop"]:
                self.stdout.write(f"{delivered} delivered, {failed} failed (will be retried)")
            if not options["loop"]:
                return
            time.sleep(options["interval"])
