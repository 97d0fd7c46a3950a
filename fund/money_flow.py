"""After the award: tranches paid only when their condition is met, and the reports owed.

A tranche waits for its condition (the agreement signed, a report approved, a milestone
reached) and for every report already due: an overdue report blocks further payments.
"""

from datetime import timedelta
from decimal import Decimal
from enum import StrEnum

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from core import audit
from core.errors import ActionError
from core.money import format_pounds
from fund import notices
from fund.models import (
    Grant,
    IndicatorValue,
    Report,
    ReportKind,
    ReportLine,
    ReportStatus,
    Tranche,
    TrancheCondition,
)
from impact import results as impact_results


class MoneyError(StrEnum):
    TRANCHES_DO_NOT_ADD_UP = "tranches_do_not_add_up"
    NOT_RELEASABLE = "not_releasable"
    ALREADY_RELEASED = "already_released"
    REPORT_STATE = "report_state"
    COMMENTS_REQUIRED = "comments_required"
    BAD_DUE_DATE = "bad_due_date"
    BAD_SPENDING = "bad_spending"


def plan(grant: Grant, parts: list[dict], *, by: User) -> list[Tranche]:
    """Split the grant into tranches: ``parts`` of amount, condition and, for a report
    condition, the report kind and due date. Their amounts must make the grant."""
    total = sum((Decimal(part["amount"]) for part in parts), Decimal(0))
    if total != grant.amount_awarded:
        raise ActionError(
            MoneyError.TRANCHES_DO_NOT_ADD_UP,
            _("The tranches add up to %(total)s pounds; the grant is %(grant)s pounds.")
            % {"total": format_pounds(total), "grant": format_pounds(grant.amount_awarded)},
        )
    with transaction.atomic():
        made = []
        for position, part in enumerate(parts, start=1):
            report = None
            if part["condition"] == TrancheCondition.REPORT_APPROVED:
                report = Report.objects.create(
                    grant=grant,
                    kind=part.get("report_kind", ReportKind.PROGRESS),
                    due_on=part["due_on"],
                )
            made.append(
                Tranche.objects.create(
                    grant=grant,
                    position=position,
                    amount=part["amount"],
                    condition=part["condition"],
                    report=report,
                    milestone=part.get("milestone", ""),
                )
            )
        audit.record(
            "fund.tranches_planned", actor=by, obj=grant.application, data={"count": len(made)}
        )
    return made


def overdue(grant: Grant, today) -> list[Report]:
    return list(grant.reports.overdue(today))


def release_problems(tranche: Tranche, today) -> list[str]:
    found = []
    if tranche.condition == TrancheCondition.REPORT_APPROVED and (
        tranche.report is None or tranche.report.status != ReportStatus.APPROVED
    ):
        found.append(_("Its report has not been approved yet."))
    if tranche.condition == TrancheCondition.MILESTONE and tranche.milestone_reached_at is None:
        found.append(_("Its milestone has not been confirmed yet."))
    for report in overdue(tranche.grant, today):
        found.append(
            _("The %(report)s due on %(date)s is overdue.")
            % {"report": report.get_kind_display(), "date": date_format(report.due_on)}
        )
    return found


def release(tranche: Tranche, *, by: User, paid_on, reference: str) -> Tranche:
    """Record the payment of a tranche whose condition is met."""
    with transaction.atomic():
        tranche = (
            Tranche.objects.select_for_update(of=("self",))
            .select_related("grant", "report")
            .get(pk=tranche.pk)
        )
        if tranche.released_at is not None:
            raise ActionError(MoneyError.ALREADY_RELEASED, _("This tranche has already been paid."))
        problems = release_problems(tranche, timezone.localdate())
        if problems:
            raise ActionError(MoneyError.NOT_RELEASABLE, " ".join(problems))
        tranche.released_at, tranche.paid_on, tranche.payment_reference = (
            timezone.now(),
            paid_on,
            reference,
        )
        tranche.save(update_fields=["released_at", "paid_on", "payment_reference"])
        audit.record(
            "fund.tranche_paid",
            actor=by,
            obj=tranche.grant.application,
            data={
                "tranche": tranche.position,
                "amount": str(tranche.amount),
                "reference": reference,
            },
        )
        notices.tranche_paid(tranche)
    return tranche


def confirm_milestone(tranche: Tranche, *, by: User, note: str) -> Tranche:
    with transaction.atomic():
        tranche = Tranche.objects.select_for_update().get(pk=tranche.pk)
        tranche.milestone_reached_at = timezone.now()
        tranche.save(update_fields=["milestone_reached_at"])
        audit.record(
            "fund.milestone_confirmed", actor=by, obj=tranche.grant.application, reason=note
        )
    return tranche


def submit_report(report: Report, *, by: User, narrative: str, spent: dict, values: dict) -> Report:
    """The organization's report: what was done, spent per budget line, indicator values."""
    with transaction.atomic():
        report = (
            Report.objects.select_for_update()
            .select_related("grant__application")
            .get(pk=report.pk)
        )
        if not report.is_editable:
            raise ActionError(MoneyError.REPORT_STATE, _("This report has already been sent."))
        lines = {line.pk: line for line in report.grant.application.budget_lines.all()}
        if any(pk not in lines or Decimal(amount) < 0 for pk, amount in spent.items()):
            raise ActionError(
                MoneyError.BAD_SPENDING,
                _("Spending is given for the grant's own budget lines, never below zero."),
            )
        report.lines.all().delete()
        ReportLine.objects.bulk_create(
            ReportLine(report=report, budget_line=lines[pk], spent=amount)
            for pk, amount in spent.items()
        )
        report.indicator_values.all().delete()
        IndicatorValue.objects.bulk_create(
            IndicatorValue(report=report, indicator_id=pk, value=value)
            for pk, value in values.items()
        )
        impact_results.from_report(report, by=by)
        report.narrative, report.status, report.submitted_at = (
            narrative,
            ReportStatus.SUBMITTED,
            timezone.now(),
        )
        report.save(update_fields=["narrative", "status", "submitted_at"])
        audit.record(
            "fund.report_submitted",
            actor=by,
            obj=report.grant.application,
            data={"report": report.pk},
        )
        notices.report_submitted(report)
    return report


# A report sent back is due again this many days later, unless the officer says otherwise:
# a report whose first due date has passed must not put the organization in arrears at once.
RETURNED_REPORT_DAYS = 14


def review_report(
    report: Report, *, by: User, approve: bool, comments: str = "", due_on=None
) -> Report:
    """A fund officer approves a submitted report, or sends it back with comments and a
    new due date (``RETURNED_REPORT_DAYS`` from today unless given)."""
    if not approve and not comments.strip():
        raise ActionError(
            MoneyError.COMMENTS_REQUIRED,
            _("Say what the organization should correct."),
            field="comments",
        )
    today = timezone.localdate()
    if not approve and due_on is not None and due_on <= today:
        raise ActionError(
            MoneyError.BAD_DUE_DATE,
            _("Give the corrected report a due date after today."),
            field="due_on",
        )
    with transaction.atomic():
        report = (
            Report.objects.select_for_update()
            .select_related("grant__application")
            .get(pk=report.pk)
        )
        if report.status != ReportStatus.SUBMITTED:
            raise ActionError(
                MoneyError.REPORT_STATE, _("Only a submitted report can be reviewed.")
            )
        report.status = ReportStatus.APPROVED if approve else ReportStatus.RETURNED
        report.comments, report.reviewed_at = comments.strip(), timezone.now()
        if not approve:
            report.due_on = due_on or today + timedelta(days=RETURNED_REPORT_DAYS)
        report.save(update_fields=["status", "comments", "reviewed_at", "due_on"])
        if approve:
            impact_results.verify_report(report, by=by)
        audit.record(
            "fund.report_approved" if approve else "fund.report_returned",
            actor=by,
            obj=report.grant.application,
            reason=comments,
            data={"report": report.pk},
        )
        notices.report_reviewed(report)
    return report


def spending(report: Report) -> dict:
    """Each budget line beside what the report says was spent on it."""
    spent = {line.budget_line_id: line.spent for line in report.lines.all()}
    rows = [
        {"line": line, "spent": spent.get(line.pk, Decimal(0))}
        for line in report.grant.application.budget_lines.all()
    ]
    return {
        "rows": rows,
        "budgeted": sum((row["line"].amount for row in rows), Decimal(0)),
        "spent": sum((row["spent"] for row in rows), Decimal(0)),
    }


def indicator_progress(report: Report) -> list[dict]:
    """Each indicator's baseline, target and reported value, with the way travelled (%)."""
    values = {value.indicator_id: value.value for value in report.indicator_values.all()}
    rows = []
    for outcome in report.grant.application.outcomes.prefetch_related("indicators"):
        for indicator in outcome.indicators.all():
            value = values.get(indicator.pk)
            distance = indicator.target - indicator.baseline
            progress = None
            if value is not None and distance:
                progress = round((value - indicator.baseline) * 100 / distance)
            rows.append(
                {"outcome": outcome, "indicator": indicator, "value": value, "progress": progress}
            )
    return rows
