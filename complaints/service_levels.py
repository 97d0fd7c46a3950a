"""Due dates, the service-level state of a case, and escalation."""

from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import NamedTuple

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from complaints.models import (
    OPEN_STATUSES,
    Case,
    Holiday,
    Queue,
    ServiceLevel,
    Status,
    TimelineEntry,
    Visibility,
)
from complaints.sla import add_working_time, working_time_between
from core import audit, memo
from core.notifications import Notice, notify

HOLIDAY_CACHE_SECONDS = 300
# Edits to service levels take effect within a minute.
REFERENCE_CACHE_SECONDS = 60
CENTRAL_QUEUE = "central-complaints"


class SlaState(StrEnum):
    ON_TIME = "on_time"
    AT_RISK = "at_risk"
    BREACHED = "breached"
    PAUSED = "paused"
    DONE = "done"


@memo.for_seconds(HOLIDAY_CACHE_SECONDS)
def holidays() -> frozenset[date]:
    return frozenset(Holiday.objects.values_list("date", flat=True))


class Targets(NamedTuple):
    first_response_hours: int
    resolution_hours: int


@memo.for_seconds(REFERENCE_CACHE_SECONDS)
def _targets() -> dict[tuple[str, int | None], Targets]:
    """The whole service-level table, kept briefly: it is read for every case shown."""
    return {
        (level.urgency, level.category_id): Targets(
            level.first_response_hours, level.resolution_hours
        )
        for level in ServiceLevel.objects.all()
    }


def level_for(case: Case) -> Targets:
    """The category's own targets for this urgency, else the urgency's default."""
    targets = _targets()
    return targets.get((case.urgency, case.category_id)) or targets[(case.urgency, None)]


def set_due_dates(case: Case) -> None:
    """Targets counted from receipt (not saved here: the caller saves)."""
    level = level_for(case)
    days_off = holidays()
    case.first_response_due = add_working_time(
        case.received_at, timedelta(hours=level.first_response_hours), days_off
    )
    case.resolution_due = add_working_time(
        case.received_at, timedelta(hours=level.resolution_hours), days_off
    )


def pause(case: Case, now: datetime) -> None:
    case.waiting_since = now


def resume(case: Case, now: datetime) -> None:
    """The citizen answered: push the due dates back by the working time spent waiting."""
    if case.waiting_since is None:
        return
    waited = working_time_between(case.waiting_since, now, holidays())
    days_off = holidays()
    if case.first_response_due and not case.first_response_at:
        case.first_response_due = add_working_time(case.first_response_due, waited, days_off)
    if case.resolution_due:
        case.resolution_due = add_working_time(case.resolution_due, waited, days_off)
    case.waiting_since = None


def state(case: Case, now: datetime | None = None) -> SlaState:
    now = now or timezone.now()
    if case.status not in OPEN_STATUSES or case.status == Status.ANSWERED:
        return SlaState.DONE
    if case.status == Status.WAITING_FOR_CITIZEN:
        return SlaState.PAUSED
    if case.resolution_due is None:
        return SlaState.ON_TIME
    if now >= case.resolution_due:
        return SlaState.BREACHED
    target = timedelta(hours=level_for(case).resolution_hours)
    remaining = working_time_between(now, case.resolution_due, holidays())
    return SlaState.AT_RISK if remaining <= target / 4 else SlaState.ON_TIME


def _level_now(case: Case, now: datetime, target: timedelta) -> int:
    if now >= case.resolution_due:
        overdue = working_time_between(case.resolution_due, now, holidays())
        return 3 if overdue >= target else 2
    remaining = working_time_between(now, case.resolution_due, holidays())
    return 1 if remaining <= target / 4 else 0


ESCALATION_NOTES = {
    1: lambda: _("Three quarters of the time to answer have passed."),
    2: lambda: _("The time to answer has passed: escalated to the directorate head."),
    3: lambda: _("Twice the time to answer has passed: escalated to the central department."),
}


def escalate(now: datetime | None = None) -> int:
    """Raise each open case to the escalation level its clock has reached. Safe to rerun."""
    now = now or timezone.now()
    candidates = Case.objects.filter(
        status__in=OPEN_STATUSES - {Status.WAITING_FOR_CITIZEN, Status.ANSWERED},
        resolution_due__isnull=False,
        escalation_level__lt=3,
    ).values_list("pk", flat=True)
    raised = 0
    for pk in candidates.iterator(chunk_size=500):
        with transaction.atomic():
            case = (
                Case.objects.select_for_update(of=("self",))
                .select_related("queue", "assignee")
                .get(pk=pk)
            )
            target = timedelta(hours=level_for(case).resolution_hours)
            level = _level_now(case, now, target)
            if level <= case.escalation_level or case.status == Status.WAITING_FOR_CITIZEN:
                continue
            case.escalation_level = level
            case.save(update_fields=["escalation_level"])
            note = ESCALATION_NOTES[level]()
            TimelineEntry.objects.create(case=case, visibility=Visibility.STAFF, body=note)
            audit.record("complaints.escalated", obj=case, reason=note, data={"level": level})
            recipient = {
                1: case.assignee,
                2: case.queue.head,
                3: Queue.objects.get(code=CENTRAL_QUEUE).head,
            }[level]
            if recipient is not None and recipient.email:
                notify(
                    Notice(
                        subject=_("Sanad: case %(number)s") % {"number": case.tracking_number},
                        body=note,
                        email=recipient.email,
                    )
                )
            raised += 1
    return raised
