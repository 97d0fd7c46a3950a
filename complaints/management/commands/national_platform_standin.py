from django.conf import settings
from django.core.management.base import BaseCommand

from complaints.standin import make_server


class Command(BaseCommand):
    help = (
        "Run a stand-in of the national complaints platform: it receives Sanad's signed "
        "updates, can play an outage, and sends signed cases to Sanad (see complaints/standin.py)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8765)
        parser.add_argument(
            "--target", default=settings.SITE_URL, help="Sanad's address, where cases are sent"
        )

    def handle(self, *args, **options):
        server = make_server(options["port"], settings.NATIONAL_PLATFORM_SECRET, options["target"])
        self.stdout.write(
            f"National platform stand-in on http://127.0.0.1:{options['port']}/ "
            f"sending cases to {options['target']}",
            ending="\n",
        )
        self.stdout.flush()
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
