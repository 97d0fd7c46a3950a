"""A call goes public only when it is complete, and closes when the fund says so."""

from decimal import Decimal
from enum import StrEnum

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core import audit
from core.errors import ActionError
from fund.models import Call, CallStatus


class PublicationError(StrEnum):
    INCOMPLETE = "incomplete"
    WRONG_STATE = "wrong_state"


def publication_problems(call: Call, now) -> list[str]:
    """What keeps a draft call from being published (nothing: it may go out)."""
    found = []
    if call.closes_at <= now:
        found.append(_("The closing date has already passed."))
    weights = call.criteria.aggregate(total=Sum("weight"))["total"]
    if weights is None:
        found.append(_("Give the call a review rubric: at least one criterion."))
    elif weights != Decimal(100):
        found.append(
            _("The rubric's weights add up to %(total)s%%, not 100%%.")
            % {"total": f"{weights.normalize():f}"}
        )
    if call.grant_ceiling > call.total_budget:
        found.append(_("The largest grant is more than the call's whole budget."))
    return found


def publish(call: Call, *, by: User) -> Call:
    with transaction.atomic():
        call = Call.objects.select_for_update().get(pk=call.pk)
        if call.status != CallStatus.DRAFT:
            raise ActionError(
                PublicationError.WRONG_STATE, _("Only a draft call can be published.")
            )
        problems = publication_problems(call, timezone.now())
        if problems:
            raise ActionError(PublicationError.INCOMPLETE, " ".join(problems))
        call.status = CallStatus.PUBLISHED
        call.save(update_fields=["status"])
        audit.record("fund.call_published", actor=by, obj=call)
    return call


def close(call: Call, *, by: User) -> Call:
    """Close a published call early (or after its date): no more applications."""
    with transaction.atomic():
        call = Call.objects.select_for_update().get(pk=call.pk)
        if call.status != CallStatus.PUBLISHED:
            raise ActionError(
                PublicationError.WRONG_STATE, _("Only a published call can be closed.")
            )
        call.status = CallStatus.CLOSED
        call.save(update_fields=["status"])
        audit.record("fund.call_closed", actor=by, obj=call)
    return call
