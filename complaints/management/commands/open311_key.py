from django.core.management.base import BaseCommand

from complaints.api_keys import issue


class Command(BaseCommand):
    help = "Issue an API key for Open311 and the REST API; the key is printed on the last line."

    def add_arguments(self, parser):
        parser.add_argument("name", help="who the key is for (an app or its maker)")

    def handle(self, *args, **options):
        api_key, key = issue(options["name"])
        self.stdout.write(
            f"Issued key {api_key.prefix}… to {api_key.name}. Keep it secret; "
            "it is not shown again."
        )
        self.stdout.write(key)
