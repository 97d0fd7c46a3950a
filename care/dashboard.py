"""The ministry's figures on nurseries and care homes, each one grouped query."""

from datetime import date, timedelta

from django.db.models import Count, Q

from care.models import (
    FacilityStatus,
    Inspection,
    LicenceApplication,
    Severity,
    Stage,
    Violation,
    ViolationState,
)


def by_governorate(facilities) -> list[dict]:
    """Licensed against applying (and suspended or closed) per governorate, with the share
    of the governorate's facilities that are licensed."""
    rows = list(
        facilities.values("governorate__code", "governorate__name_ar", "governorate__name_en")
        .annotate(
            licensed=Count("pk", filter=Q(status=FacilityStatus.LICENSED)),
            applicant=Count("pk", filter=Q(status=FacilityStatus.APPLICANT)),
            suspended=Count("pk", filter=Q(status=FacilityStatus.SUSPENDED)),
            closed=Count("pk", filter=Q(status=FacilityStatus.CLOSED)),
            total=Count("pk"),
        )
        .order_by("governorate__code")
    )
    for row in rows:
        row["share"] = round(100 * row["licensed"] / row["total"]) if row["total"] else 0
    return rows


def applications_by_stage(facilities, today: date) -> list[dict]:
    """Open applications per step, and how many have waited more than 30 days."""
    old = today - timedelta(days=30)
    rows = (
        LicenceApplication.objects.filter(facility__in=facilities)
        .exclude(stage=Stage.DECIDED)
        .values("stage")
        .annotate(total=Count("pk"), waiting_long=Count("pk", filter=Q(submitted_at__date__lt=old)))
    )
    counts = {row["stage"]: row for row in rows}
    return [
        {**counts.get(value, {"total": 0, "waiting_long": 0}), "stage": label}
        for value, label in Stage.choices
        if value != Stage.DECIDED
    ]


def inspections_due(facilities, today: date) -> dict:
    return Inspection.objects.filter(facility__in=facilities, done_at__isnull=True).aggregate(
        due_this_week=Count(
            "pk", filter=Q(due_on__gte=today, due_on__lte=today + timedelta(days=7))
        ),
        overdue=Count("pk", filter=Q(due_on__lt=today)),
        planned=Count("pk"),
    )


def violations_by_severity(facilities) -> list[dict]:
    rows = (
        Violation.objects.filter(
            facility__in=facilities, state__in=[ViolationState.OPEN, ViolationState.ESCALATED]
        )
        .values("severity")
        .annotate(
            open=Count("pk", filter=Q(state=ViolationState.OPEN)),
            escalated=Count("pk", filter=Q(state=ViolationState.ESCALATED)),
        )
        .order_by("severity")
    )
    return [{**row, "label": Severity(row["severity"]).label} for row in rows]
