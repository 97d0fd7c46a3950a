"""The committee's decision on an application in review, and the grant an award makes."""

from datetime import date
from decimal import Decimal
from enum import StrEnum

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core import audit
from core.errors import ActionError
from core.money import format_pounds
from fund import notices
from fund.models import Application, ApplicationStatus, Call, Grant


class Decision(StrEnum):
    FUND = "fund"
    FUND_REDUCED = "fund_reduced"
    REJECT = "reject"
    WAITING_LIST = "waiting_list"


class DecisionError(StrEnum):
    NOT_IN_REVIEW = "not_in_review"
    REASON_REQUIRED = "reason_required"
    BAD_AMOUNT = "bad_amount"
    BAD_DATES = "bad_dates"
    OVER_BUDGET = "over_budget"
    ALREADY_WAITING = "already_waiting"


# An application waits for the committee in review, and again on the waiting list: it is
# funded from there when money frees up, or finally refused.
DECIDABLE = (ApplicationStatus.IN_REVIEW, ApplicationStatus.WAITING_LIST)


def call_money(call: Call) -> dict:
    """The call's budget, what its grants already hold, and what is left to award."""
    awarded = Grant.objects.filter(application__call=call).aggregate(total=Sum("amount_awarded"))[
        "total"
    ] or Decimal(0)
    return {"budget": call.total_budget, "awarded": awarded, "left": call.total_budget - awarded}


def decide(
    application: Application,
    decision: Decision,
    *,
    by: User,
    reason: str,
    amount: Decimal | None = None,
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> Grant | None:
    """Record the committee's decision with its reasons; an award makes the grant."""
    if not reason.strip():
        raise ActionError(
            DecisionError.REASON_REQUIRED, _("Record the committee's reasons."), field="reason"
        )
    with transaction.atomic():
        # The call first: two awards decided at once must not both spend its last pounds.
        call = Call.objects.select_for_update().get(pk=application.call_id)
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status not in DECIDABLE:
            raise ActionError(
                DecisionError.NOT_IN_REVIEW,
                _("Only an application in review or on the waiting list can be decided."),
            )
        if (
            decision == Decision.WAITING_LIST
            and application.status == ApplicationStatus.WAITING_LIST
        ):
            raise ActionError(
                DecisionError.ALREADY_WAITING, _("This application is already on the waiting list.")
            )
        grant = None
        if decision in (Decision.FUND, Decision.FUND_REDUCED):
            grant = _award(
                application,
                decision,
                by=by,
                amount=amount,
                starts_on=starts_on,
                ends_on=ends_on,
                money=call_money(call),
            )
            application.status = ApplicationStatus.FUNDED
        else:
            application.status = (
                ApplicationStatus.REJECTED
                if decision == Decision.REJECT
                else ApplicationStatus.WAITING_LIST
            )
        application.decision_reason = reason.strip()
        application.save(update_fields=["status", "decision_reason", "updated_at"])
        audit.record(
            f"fund.decision_{decision}",
            actor=by,
            obj=application,
            reason=reason,
            data={"amount": str(grant.amount_awarded) if grant else None},
        )
        notices.decided(application)
    return grant


def _award(application, decision, *, by, amount, starts_on, ends_on, money) -> Grant:
    requested = application.requested_amount
    if decision == Decision.FUND:
        amount = requested
    elif amount is None or not Decimal(0) < amount < requested:
        raise ActionError(
            DecisionError.BAD_AMOUNT,
            _("A reduced award is more than zero and less than the %(requested)s pounds asked.")
            % {"requested": format_pounds(requested)},
            field="amount",
        )
    if amount > money["left"]:
        raise ActionError(
            DecisionError.OVER_BUDGET,
            _(
                "This award would pass the call's budget: %(awarded)s of its %(budget)s pounds "
                "are already awarded, so at most %(left)s pounds are left."
            )
            % {
                "awarded": format_pounds(money["awarded"]),
                "budget": format_pounds(money["budget"]),
                "left": format_pounds(max(money["left"], Decimal(0))),
            },
        )
    if starts_on is None or ends_on is None or ends_on <= starts_on:
        raise ActionError(
            DecisionError.BAD_DATES,
            _("Give the grant a start date and a later end date."),
            field="starts_on" if starts_on is None else "ends_on",
        )
    return Grant.objects.create(
        application=application,
        amount_awarded=amount,
        awarded_on=timezone.localdate(),
        starts_on=starts_on,
        ends_on=ends_on,
        decided_by=by,
    )
