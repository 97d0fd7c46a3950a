"""One demo account per role, all with the same password, printed by `make demo`."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Role, User
from registry.models import Membership, Organization, OrganizationRole

DEMO_PASSWORD = "sanad-demo-2026"  # noqa: S105 (printed on purpose: demo data only)
# A fixed authenticator key for every demo staff account, so a tester can add it once.
DEMO_TOTP_KEY = "3132333435363738393031323334353637383930"

DEMO_USERS = [
    # username, role, governorate, (organization number, organization role), names
    ("citizen", Role.CITIZEN, None, None, ("منى", "عبد الرحمن")),
    (
        "org_admin",
        Role.ORGANIZATION_MEMBER,
        None,
        ("02-0002", OrganizationRole.ADMINISTRATOR),
        ("أحمد", "السيد"),
    ),
    (
        "org_finance",
        Role.ORGANIZATION_MEMBER,
        None,
        ("02-0002", OrganizationRole.FINANCE),
        ("هالة", "فؤاد"),
    ),
    (
        "org_monitoring",
        Role.ORGANIZATION_MEMBER,
        None,
        ("02-0002", OrganizationRole.MONITORING),
        ("كريم", "ناصر"),
    ),
    ("officer_alex", Role.DIRECTORATE_OFFICER, "02", None, ("سامية", "إبراهيم")),
    ("officer_cairo", Role.DIRECTORATE_OFFICER, "01", None, ("محمود", "حسن")),
    ("central", Role.CENTRAL_OFFICER, None, None, ("نادية", "كامل")),
    # Writes the website's news and events; "central" reviews and publishes them.
    ("editor", Role.EDITOR, None, None, ("سلمى", "حمدي")),
    ("fund_officer", Role.FUND_OFFICER, None, None, ("طارق", "منصور")),
    ("reviewer", Role.REVIEWER, None, None, ("ليلى", "مراد")),
    ("inspector", Role.INSPECTOR, "02", None, ("يوسف", "شاكر")),
    ("trainer", Role.TRAINER, None, None, ("دينا", "صبري")),
    ("auditor", Role.AUDITOR, None, None, ("عمرو", "الشريف")),
    ("sysadmin", Role.SYSTEM_ADMIN, None, None, ("رانيا", "جلال")),
]


def seed_users() -> list[User]:
    users = []
    for username, role, governorate, membership, (first, last) in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "role": role,
                "governorate_id": governorate,
                "first_name": first,
                "last_name": last,
                "email": f"{username}@sanad.example",
                "is_staff": role == Role.SYSTEM_ADMIN,
                "is_superuser": role == Role.SYSTEM_ADMIN,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        if membership:
            number, org_role = membership
            Membership.objects.get_or_create(
                user=user,
                organization=Organization.objects.get(registration_number=number),
                defaults={"role": org_role},
            )
        if user.needs_second_factor:
            TOTPDevice.objects.get_or_create(
                user=user, defaults={"name": "Demo", "key": DEMO_TOTP_KEY, "confirmed": True}
            )
        users.append(user)
    return users
