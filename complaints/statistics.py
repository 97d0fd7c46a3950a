"""Open statistics of complaints: monthly counts, time to answer, share answered on time.

No personal data, and any count under five is suppressed, so a rare case in a small
governorate cannot be recognised. Medians are computed from counts per whole working
hour (a GROUP BY that both SQLite and PostgreSQL do fast), so they are exact to the hour.
"""

import datetime

from django.db.models import Count, Q
from django.utils import timezone

from complaints.models import Case, MonthlyStatistics

SUPPRESS_BELOW = 5
DIMENSIONS = ("category__code", "governorate_id", "status", "channel")
CURRENT_MONTH_SECONDS = 600


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def _bounds(month: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(month, datetime.time(), tzinfo=tz)
    following = (month + datetime.timedelta(days=32)).replace(day=1)
    return start, datetime.datetime.combine(following, datetime.time(), tzinfo=tz)


def suppress(count: int) -> int | None:
    """None for 1 to 4 cases; none at all (0) reveals nobody."""
    return count if count == 0 or count >= SUPPRESS_BELOW else None


def _median_from_histogram(histogram: list[tuple[int, int]]) -> int | None:
    total = sum(n for _hours, n in histogram)
    if total < SUPPRESS_BELOW:
        return None
    seen = 0
    for hours, n in sorted(histogram):
        seen += n
        if seen * 2 >= total:
            return hours
    return None


def compute(month: datetime.date) -> dict:
    start, end = _bounds(month)
    cases = Case.objects.filter(received_at__gte=start, received_at__lt=end)
    totals = cases.aggregate(
        received=Count("pk"),
        answered=Count("pk", filter=Q(answered_at__isnull=False)),
        on_time=Count("pk", filter=Q(answered_on_time=True)),
    )
    histogram = list(
        cases.filter(answer_working_hours__isnull=False)
        .values_list("answer_working_hours")
        .annotate(n=Count("pk"))
    )
    by = {}
    for dimension in DIMENSIONS:
        rows = cases.values_list(dimension).annotate(n=Count("pk")).order_by(dimension)
        by[dimension.split("__")[0].removesuffix("_id")] = {
            str(value): suppress(n) for value, n in rows
        }
    answered = totals["answered"]
    return {
        "month": month.isoformat()[:7],
        "received": suppress(totals["received"]),
        "answered": suppress(answered),
        "median_working_hours_to_answer": _median_from_histogram(histogram),
        "answered_on_time_share": round(totals["on_time"] / answered, 3)
        if answered >= SUPPRESS_BELOW
        else None,
        "by": by,
    }


def for_month(month: datetime.date) -> dict:
    """The stored figures; the current month is recomputed when ten minutes old."""
    month = month_start(month)
    stored = MonthlyStatistics.objects.filter(month=month).first()
    now = timezone.now()
    current = month == month_start(timezone.localdate())
    stale = stored is None or (
        current and (now - stored.computed_at).total_seconds() > CURRENT_MONTH_SECONDS
    )
    if stale:
        data = compute(month)
        MonthlyStatistics.objects.update_or_create(
            month=month, defaults={"data": data, "computed_at": now}
        )
        return data
    return stored.data


def recent_months(count: int = 12) -> list[datetime.date]:
    month = month_start(timezone.localdate())
    months = []
    for _ in range(count):
        months.append(month)
        month = month_start(month - datetime.timedelta(days=1))
    return months


def refresh(months: int = 2) -> int:
    """Recompute the latest months (late answers change their figures); for the worker."""
    now = timezone.now()
    for month in recent_months(months):
        MonthlyStatistics.objects.update_or_create(
            month=month, defaults={"data": compute(month), "computed_at": now}
        )
    return months
