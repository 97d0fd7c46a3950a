import logging
from base64 import b32encode

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from accounts.demo import DEMO_PASSWORD, DEMO_TOTP_KEY, seed_users
from care.demo import seed_facilities
from complaints.demo import seed_cases
from fund.demo import seed_awards, seed_call, seed_reviews
from impact.demo import seed_impact
from maturity.demo import seed_maturity
from portal.demo import seed_content
from registry.actions import propose_profile_change
from registry.demo import seed_organizations
from registry.models import ChangeRequestStatus, Organization
from training.demo import seed_training


class Command(BaseCommand):
    help = (
        "Load the demo data set (organizations in every governorate, one user per role). "
        "Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--address",
            default="127.0.0.1:8000",
            help="where the demo will be served, for the printed links",
        )

    @translation.override("en")
    def handle(self, *args, **options):
        # Demo citizens are not real: the text messages of their replies stay unprinted.
        logging.getLogger("core.notifications").setLevel(logging.WARNING)
        with transaction.atomic():
            count = seed_organizations()
            users = seed_users()
            self._pending_change_request(users)
            cases = seed_cases()
            seed_call()
            grants = seed_awards()
            seed_reviews()
            facilities = seed_facilities()
            seed_training()
            seed_impact()
            seed_maturity()
            seed_content()
        key = b32encode(bytes.fromhex(DEMO_TOTP_KEY)).decode()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {count} organizations, {cases} cases, {grants} grants, "
                f"{facilities} care facilities."
            )
        )
        self.stdout.write("")
        site = f"http://{options['address']}"
        self.stdout.write(f"Open {site}/ (Arabic) or {site}/en/ (English).")
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
        for user in users:
            scope = f" — {user.governorate.name_en}" if user.governorate else ""
            memberships = ", ".join(
                f"{m.get_role_display()} of {m.organization.registration_number}"
                for m in user.memberships.select_related("organization")
            )
            extra = f" ({memberships})" if memberships else ""
            factor = "  [second factor]" if user.needs_second_factor else ""
            self.stdout.write(
                f"  {user.username:<16} {user.get_role_display()}{scope}{extra}{factor}"
            )
        self.stdout.write(
            f"Staff accounts ask for an authenticator code: add the key {key} to an "
            "authenticator app, or run `.venv/bin/python manage.py demo_totp_code` for the "
            "current code."
        )

    @staticmethod
    def _pending_change_request(users) -> None:
        organization = Organization.objects.get(registration_number="02-0002")
        if organization.change_requests.filter(status=ChangeRequestStatus.PENDING).exists():
            return
        admin = next(user for user in users if user.username == "org_admin")
        propose_profile_change(
            organization,
            {"address": "15 طريق الحرية، سيدي جابر، الإسكندرية", "website": "https://example.org"},
            by=admin,
            note="انتقل مقر الجمعية إلى مبنى جديد في سيدي جابر.",
        )
