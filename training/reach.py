"""Who the programme reached: enrolled and completed by governorate, group, sex, age band
and course, the learning gain per course, and the trainers' load — from one grouped query
over the enrolments (which carry who each person was when they enrolled)."""

from collections import defaultdict
from datetime import date

from django.db.models import Count, Q, Sum

from accounts.models import User
from core.reference import governorates
from training.models import AgeBand, Course, EnrolmentStatus, Sex, TargetGroup

DIMENSIONS = ("governorate", "target_group", "sex", "age_band", "course")


def figures(enrolments, start: date | None = None, end: date | None = None) -> dict:
    if start:
        enrolments = enrolments.filter(starts_on__gte=start)
    if end:
        enrolments = enrolments.filter(starts_on__lte=end)
    rows = (
        enrolments.exclude(status=EnrolmentStatus.WAITING)
        .values(*[f"{d}_id" if d in ("governorate", "course") else d for d in DIMENSIONS])
        .annotate(
            enrolled=Count("pk"),
            completed=Count("pk", filter=Q(status=EnrolmentStatus.COMPLETED)),
        )
        .order_by()
    )
    totals = {d: defaultdict(lambda: [0, 0]) for d in DIMENSIONS}
    overall = [0, 0]
    for row in rows:
        for dimension in DIMENSIONS:
            key = row[f"{dimension}_id" if dimension in ("governorate", "course") else dimension]
            totals[dimension][key][0] += row["enrolled"]
            totals[dimension][key][1] += row["completed"]
        overall[0] += row["enrolled"]
        overall[1] += row["completed"]
    return {
        "overall": {"enrolled": overall[0], "completed": overall[1]},
        **{d: _labelled(d, totals[d]) for d in DIMENSIONS},
    }


def _labels(dimension: str) -> dict:
    if dimension == "governorate":
        return {code: str(g) for code, g in governorates().items()}
    if dimension == "course":
        return {c.pk: str(c) for c in Course.objects.all()}
    choices = {"target_group": TargetGroup, "sex": Sex, "age_band": AgeBand}[dimension]
    return dict(choices.choices)


def _labelled(dimension: str, counts: dict) -> list[dict]:
    labels = _labels(dimension)
    return sorted(
        (
            {"key": key, "label": labels.get(key, "—"), "enrolled": e, "completed": c}
            for key, (e, c) in counts.items()
        ),
        key=lambda row: -row["enrolled"],
    )


def trainers_load(cohorts) -> list[dict]:
    """Cohorts and people in them per trainer, from the cohorts' own counts."""
    rows = list(
        cohorts.values("trainer")
        .annotate(cohorts=Count("pk"), trainees=Sum("enrolled"))
        .order_by("-trainees")[:20]
    )
    names = User.objects.in_bulk([row["trainer"] for row in rows])
    return [{**row, "name": names[row["trainer"]].display_name} for row in rows]


def csv_rows(data: dict):
    """(dimension, value, enrolled, completed) for every breakdown."""
    for dimension in DIMENSIONS:
        for row in data[dimension]:
            yield dimension, row["label"], row["enrolled"], row["completed"]


# Fewer people than this in a cell are shown as "fewer than" it on public pages: a count of
# one or two in a small governorate's group could name someone.
SMALLEST_SHOWN = 5


def for_the_public(data: dict) -> dict:
    """``data`` with every count from 1 to SMALLEST_SHOWN - 1 replaced by None, and where
    a breakdown would hide only one cell, its next smallest too: the total less the cells
    shown would give the hidden one away."""
    public = {"overall": {k: _hidden(v) for k, v in data["overall"].items()}}
    for dimension in DIMENSIONS:
        rows = [dict(row) for row in data[dimension]]
        for measure in ("enrolled", "completed"):
            _suppress(rows, measure)
        public[dimension] = rows
    return public


def _hidden(count: int) -> int | None:
    return None if 0 < count < SMALLEST_SHOWN else count


def _suppress(rows: list[dict], measure: str) -> None:
    for row in rows:
        row[measure] = _hidden(row[measure])
    if sum(row[measure] is None for row in rows) == 1:
        shown = [row for row in rows if row[measure]]
        if shown:
            min(shown, key=lambda row: row[measure])[measure] = None
