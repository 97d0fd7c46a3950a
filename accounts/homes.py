"""Where each person starts after signing in: their own work, not their account page."""

from django.urls import reverse

from accounts.models import Role

HOMES = {
    Role.CITIZEN: "portal:mine",
    Role.ORGANIZATION_MEMBER: "portal:mine",
    Role.DIRECTORATE_OFFICER: "complaints:workbench",
    Role.CENTRAL_OFFICER: "complaints:workbench",
    Role.FUND_OFFICER: "fund:staff_applications",
    Role.REVIEWER: "fund:my_reviews",
    Role.INSPECTOR: "care:my_inspections",
    Role.TRAINER: "training:my_cohorts",
    Role.AUDITOR: "complaints:workbench",
    Role.SYSTEM_ADMIN: "admin:index",
    Role.EDITOR: "admin:portal_newsitem_changelist",
}


def home_url(user) -> str:
    return reverse(HOMES.get(user.role, "portal:mine"))
