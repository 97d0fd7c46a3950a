"""Results frameworks and their values: who may do what, and each change as one audited action.

A grant's framework starts from the indicators its application promised; the values an
organization gives in its fund reports arrive here for the report's quarter, and the fund
officer's approval of the report verifies them. Programmes' values are entered here.
A value is verified or rejected (with a reason) by someone other than the person who
reported it.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from django.db import transaction
from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role
from core import audit
from core.errors import ActionError
from impact import periods
from impact.models import (
    Aggregation,
    Dimension,
    Evidence,
    Indicator,
    Measure,
    Programme,
    Target,
    Value,
    Verification,
)

READERS = (Role.FUND_OFFICER, Role.CENTRAL_OFFICER, Role.AUDITOR)


class ResultsError(StrEnum):
    NOT_ALLOWED = "not_allowed"
    INVALID = "invalid"
    COMPUTED = "computed"
    OUTSIDE = "outside_framework"
    OWN_VALUE = "own_value"
    REASON_REQUIRED = "reason_required"
    STATE = "state"


# -- who may do what -------------------------------------------------------------------


def measures_for(user):
    """The measures a person may read: staff all of them, an organization's members those
    of its grants."""
    if not user.is_authenticated:
        return Measure.objects.none()
    if user.role in READERS:
        return Measure.objects.all()
    return Measure.objects.filter(grant__application__organization__memberships__user=user)


def can_report(user, measure: Measure) -> bool:
    if measure.programme_id:
        return user.role == Role.CENTRAL_OFFICER
    return measure.grant.application.organization.memberships.filter(user=user).exists()


def can_plan(user, measure: Measure) -> bool:
    """Tie a measure to the library, set its targets and check its values: the fund's
    officers for grants, the ministry's central officers for programmes."""
    return user.role == (Role.CENTRAL_OFFICER if measure.programme_id else Role.FUND_OFFICER)


def _refuse_unless(allowed: bool) -> None:
    if not allowed:
        raise ActionError(ResultsError.NOT_ALLOWED, _("You may not change this framework."))


# -- frameworks ------------------------------------------------------------------------


def framework_periods(measure: Measure) -> list[date]:
    owner = measure.grant or measure.programme
    return periods.quarters(owner.starts_on, owner.ends_on)


def ensure_for_grant(grant) -> list[Measure]:
    """The grant's measures, made once from the indicators its application promised, with
    the promised target set for the grant's last quarter."""
    application = grant.application
    made = {m.proposal_id for m in grant.measures.all()}
    last = periods.quarter_of(grant.ends_on)
    for outcome in application.outcomes.prefetch_related("indicators"):
        for proposal in outcome.indicators.all():
            if proposal.pk in made:
                continue
            measure = Measure.objects.create(
                grant=grant,
                proposal=proposal,
                outcome=outcome.text,
                name=proposal.name,
                unit=proposal.unit,
                baseline=proposal.baseline,
                governorate_id=application.organization.governorate_id,
            )
            Target.objects.create(measure=measure, period=last, value=proposal.target)
    return list(grant.measures.select_related("indicator"))


def tie(measure: Measure, indicator: Indicator | None, *, by) -> Measure:
    """Count the measure under a library indicator (or under none)."""
    _refuse_unless(can_plan(by, measure))
    with transaction.atomic():
        before = measure.indicator_id
        measure.indicator = indicator
        measure.save(update_fields=["indicator"])
        audit.record(
            "impact.measure_tied",
            actor=by,
            obj=measure,
            data={"before": before, "after": indicator.pk if indicator else None},
        )
    return measure


def set_targets(measure: Measure, targets: dict[date, Decimal | None], *, by) -> None:
    """Targets per quarter; an empty one is removed."""
    _refuse_unless(can_plan(by, measure))
    _refuse_if_computed(measure)
    allowed = set(framework_periods(measure))
    if not set(targets) <= allowed:
        raise ActionError(ResultsError.OUTSIDE, _("That quarter is outside the framework."))
    with transaction.atomic():
        for period, value in targets.items():
            if value is None:
                measure.targets.filter(period=period).delete()
            else:
                Target.objects.update_or_create(
                    measure=measure, period=period, defaults={"value": value}
                )
        audit.record(
            "impact.targets_set",
            actor=by,
            obj=measure,
            data={p.isoformat(): str(v) if v is not None else None for p, v in targets.items()},
        )


def _refuse_if_computed(measure: Measure) -> None:
    if measure.indicator_id and measure.indicator.is_ratio:
        raise ActionError(
            ResultsError.COMPUTED,
            _("This indicator is computed from %(numerator)s and %(denominator)s: give those.")
            % {
                "numerator": measure.indicator.numerator.name,
                "denominator": measure.indicator.denominator.name,
            },
        )


# -- values ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Gap:
    """A disaggregation whose categories do not add up to the quarter's total."""

    measure: Measure
    period: date
    dimension: str
    total: Decimal | None
    parts: Decimal

    @property
    def dimension_label(self) -> str:
        return Dimension(self.dimension).label


def record(
    measure: Measure,
    period: date,
    *,
    by,
    total: Decimal | None,
    parts: dict[tuple[str, str], Decimal] | None = None,
    note: str = "",
    evidence=None,
    report=None,
) -> list[Gap]:
    """Give a quarter's total and its disaggregations. Changed values go back to be
    checked again; unchanged verified ones stay verified. Returns the gaps found."""
    _refuse_unless(can_report(by, measure))
    _refuse_if_computed(measure)
    if period not in framework_periods(measure):
        raise ActionError(ResultsError.OUTSIDE, _("That quarter is outside the framework."))
    given = {("", ""): total} | dict(parts or {})
    with transaction.atomic():
        for (dimension, category), value in given.items():
            if value is None:
                continue
            _keep(measure, period, dimension, category, value, by=by, note=note, report=report)
        if evidence is not None:
            stored = measure.values.get(period=period, dimension="", category="")
            Evidence.keep(evidence, value=stored, uploaded_by=by)
        audit.record(
            "impact.values_reported",
            actor=by,
            obj=measure,
            data={
                "period": period.isoformat(),
                "values": {f"{d}:{c}": str(v) for (d, c), v in given.items() if v is not None},
            },
        )
    return gaps(Value.objects.filter(measure=measure, period=period))


def _keep(measure, period, dimension, category, value, *, by, note, report) -> None:
    stored = Value.objects.filter(
        measure=measure, period=period, dimension=dimension, category=category
    ).first()
    if stored and stored.value == value and stored.status == Verification.VERIFIED:
        return
    if stored is None:
        stored = Value(measure=measure, period=period, dimension=dimension, category=category)
    stored.value, stored.note, stored.report = value, note, report
    stored.status, stored.reason, stored.reported_by = Verification.REPORTED, "", by
    stored.checked_by = stored.checked_at = None
    stored.save()


def check(value: Value, *, by, verified: bool, reason: str = "") -> Value:
    """Verify a reported value, or reject it saying why."""
    if not can_plan(by, value.measure):
        raise ActionError(ResultsError.NOT_ALLOWED, _("You may not check this value."))
    if not verified and not reason.strip():
        raise ActionError(
            ResultsError.REASON_REQUIRED, _("Say why the value is rejected."), field="reason"
        )
    with transaction.atomic():
        value = Value.objects.select_for_update().get(pk=value.pk)
        if value.status != Verification.REPORTED:
            raise ActionError(ResultsError.STATE, _("Only a reported value can be checked."))
        if value.reported_by_id == by.pk:
            raise ActionError(
                ResultsError.OWN_VALUE, _("A value is checked by someone other than its reporter.")
            )
        value.status = Verification.VERIFIED if verified else Verification.REJECTED
        value.reason = "" if verified else reason.strip()
        value.checked_by, value.checked_at = by, timezone.now()
        value.save(update_fields=["status", "reason", "checked_by", "checked_at"])
        audit.record(
            "impact.value_verified" if verified else "impact.value_rejected",
            actor=by,
            obj=value.measure,
            reason=value.reason,
            data={"value": value.pk, "period": value.period.isoformat()},
        )
    return value


def gaps(values) -> list[Gap]:
    """Disaggregations of additive measures whose categories miss their total."""
    additive = Q(measure__indicator__isnull=True) | Q(measure__indicator__aggregation="sum")
    values = values.filter(additive)
    totals = {
        (row["measure"], row["period"]): row["value"]
        for row in values.filter(dimension="").values("measure", "period", "value")
    }
    found = []
    parts = (
        values.exclude(dimension="")
        .values("measure", "period", "dimension")
        .annotate(parts=Sum("value"))
        .order_by("measure", "period", "dimension")
    )
    measures = {}
    for row in parts:
        total = totals.get((row["measure"], row["period"]))
        if total != row["parts"]:
            if row["measure"] not in measures:
                measures[row["measure"]] = Measure.objects.get(pk=row["measure"])
            found.append(
                Gap(measures[row["measure"]], row["period"], row["dimension"], total, row["parts"])
            )
    return found


# -- from the fund's reports -----------------------------------------------------------


def from_report(report, *, by) -> None:
    """The indicator values of a fund report, recorded for the quarter the report covers.

    A report states how far each indicator has come (the level reached so far). A measure
    counted by a summed library indicator keeps what was added in the quarter instead, so
    that quarters add up without counting the earlier ones again."""
    grant = report.grant
    ensure_for_grant(grant)
    period = periods.quarter_of(min(report.due_on, grant.ends_on))
    period = max(period, periods.quarter_of(grant.starts_on))
    measures = {m.proposal_id: m for m in grant.measures.select_related("indicator")}
    for stated in report.indicator_values.all():
        measure = measures.get(stated.indicator_id)
        if measure is None or (measure.indicator_id and measure.indicator.is_ratio):
            continue
        value = stated.value
        if measure.indicator_id and measure.indicator.aggregation == Aggregation.SUM:
            earlier = measure.values.filter(dimension="", period__lt=period).exclude(
                status=Verification.REJECTED
            )
            so_far = earlier.aggregate(total=Sum("value"))["total"] or 0
            value = max(Decimal(0), value - measure.baseline - so_far)
        record(measure, period, by=by, total=value, report=report)


def verify_report(report, *, by) -> None:
    """The fund officer's approval of a report verifies the values it gave."""
    for value in Value.objects.filter(report=report, status=Verification.REPORTED):
        if value.reported_by_id != by.pk:
            check(value, by=by, verified=True)


def programme_measure(programme: Programme, indicator: Indicator, *, by, **fields) -> Measure:
    if by.role != Role.CENTRAL_OFFICER:
        raise ActionError(ResultsError.NOT_ALLOWED, _("You may not change this framework."))
    with transaction.atomic():
        measure = Measure.objects.create(
            programme=programme,
            indicator=indicator,
            name=fields.pop("name", "") or indicator.name_ar,
            unit=fields.pop("unit", "") or indicator.unit_ar,
            **fields,
        )
        audit.record("impact.measure_added", actor=by, obj=measure)
    return measure
