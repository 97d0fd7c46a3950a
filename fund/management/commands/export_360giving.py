from django.core.management.base import BaseCommand, CommandError

from fund.giving360 import awarded_grants, package_chunks


class Command(BaseCommand):
    help = "Write every awarded grant as a 360Giving JSON package (streamed, grant by grant)."

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="the JSON file to write")

    def handle(self, *args, **options):
        grants = awarded_grants()
        count = grants.count()
        if not count:
            raise CommandError("No grant has been awarded yet: a 360Giving package needs one.")
        with open(options["out"], "w", encoding="utf-8") as out:
            for chunk in package_chunks(grants):
                out.write(chunk)
        self.stdout.write(f"{count} grants written to {options['out']}")
