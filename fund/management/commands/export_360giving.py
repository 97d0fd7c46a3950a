from django.core.management.base import BaseCommand, CommandError

from fund.giving360 import awarded_grants, csv_chunks, package_chunks


class Command(BaseCommand):
    help = "Write every awarded grant in the 360Giving standard, as a JSON package or CSV."

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="the file to write")
        parser.add_argument(
            "--format", choices=["json", "csv"], default="json", help="JSON package or CSV"
        )

    def handle(self, *args, **options):
        grants = awarded_grants()
        count = grants.count()
        if not count:
            raise CommandError("No grant has been awarded yet: a 360Giving package needs one.")
        chunks = csv_chunks if options["format"] == "csv" else package_chunks
        with open(options["out"], "w", encoding="utf-8", newline="") as out:
            for chunk in chunks(grants):
                out.write(chunk)
        self.stdout.write(f"{count} grants written to {options['out']}")
