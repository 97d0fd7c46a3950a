"""Who may apply to a call: the rules the call sets, checked against the registry."""

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from fund.models import Call, Report
from registry.models import Organization, OrganizationStatus


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def problems(call: Call, organization: Organization, today: date) -> list[str]:
    """Every reason ``organization`` may not apply to ``call`` (none: it may)."""
    found = []
    if organization.status != OrganizationStatus.ACTIVE:
        found.append(
            _("The organization is not active in the registry (it is %(status)s).")
            % {"status": organization.get_status_display()}
        )
    if call.eligible_kinds and organization.kind not in call.eligible_kinds:
        found.append(
            _("This call is for %(kinds)s only.") % {"kinds": _(", ").join(call.kind_labels())}
        )
    if call.emerging_within_years:
        earliest = _years_before(today, call.emerging_within_years)
        if organization.founded_on is None:
            found.append(
                ngettext(
                    "This call is for organizations founded in the last %(years)d year, and the "
                    "registry has no founding date for yours: ask the directorate to add it.",
                    "This call is for organizations founded in the last %(years)d years, and the "
                    "registry has no founding date for yours: ask the directorate to add it.",
                    call.emerging_within_years,
                )
                % {"years": call.emerging_within_years}
            )
        elif organization.founded_on < earliest:
            found.append(
                ngettext(
                    "This call is for organizations founded in the last %(years)d year; yours "
                    "was founded on %(date)s.",
                    "This call is for organizations founded in the last %(years)d years; yours "
                    "was founded on %(date)s.",
                    call.emerging_within_years,
                )
                % {
                    "years": call.emerging_within_years,
                    "date": date_format(organization.founded_on),
                }
            )
    governorates = list(call.governorates.all())
    if governorates and organization.governorate_id not in {g.code for g in governorates}:
        found.append(
            _("This call is open to organizations in %(places)s.")
            % {"places": _(", ").join(g.name for g in governorates)}
        )
    fields = list(call.fields.all())
    if fields and not organization.fields.filter(pk__in=[f.pk for f in fields]).exists():
        found.append(
            _("This call is for organizations working in %(fields)s.")
            % {"fields": _(", ").join(f.name for f in fields)}
        )
    late = (
        Report.objects.overdue(today)
        .filter(grant__application__organization=organization)
        .order_by("due_on")
        .first()
    )
    if late is not None:
        found.append(
            _(
                "The organization is in arrears on a grant: its %(report)s due on %(date)s has "
                "not been received."
            )
            % {"report": late.get_kind_display(), "date": date_format(late.due_on)}
        )
    return found
