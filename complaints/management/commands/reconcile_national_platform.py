import httpx
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from complaints.models import Case


class Command(BaseCommand):
    help = "Compare the status of every platform case here and on the national platform."

    def handle(self, *args, **options):
        try:
            response = httpx.get(f"{settings.NATIONAL_PLATFORM_URL}/cases", timeout=30)
            response.raise_for_status()
        except httpx.HTTPError as error:
            raise CommandError(f"The platform did not answer: {error}") from error
        theirs = {row["reference"]: row["status"] for row in response.json()}
        ours = dict(
            Case.objects.filter(external_reference__isnull=False).values_list(
                "external_reference", "status"
            )
        )
        differences = 0
        for reference in sorted(set(theirs) | set(ours)):
            if reference not in ours:
                self.stdout.write(f"{reference}: on the platform only")
            elif reference not in theirs:
                self.stdout.write(
                    f"{reference}: here only (status {ours[reference]}), no update delivered yet"
                )
            elif theirs[reference] != ours[reference]:
                self.stdout.write(
                    f"{reference}: platform says {theirs[reference]}, here {ours[reference]}"
                )
            else:
                continue
            differences += 1
        self.stdout.write(
            f"{len(ours)} cases here, {len(theirs)} on the platform, {differences} difference(s)."
        )
