"""Totals that honour each indicator's rule, across grants, programmes, places and quarters.

- ``sum``: verified values add up.
- ``mean``: the average of the verified values.
- ``latest``: each measure's most recent verified value (a level: people enrolled, staff
  employed); across measures the average of those levels. Never a sum, over quarters or
  over grants: adding two quarters' enrolment counts the same people twice.
- ``ratio``: factor × Σ numerator ÷ Σ denominator, from the parts' verified values in the
  same scope; never the mean of per-grant ratios, which weighs a grant of 2 people like
  a grant of 2,000.

Targets are combined by the same rule as values. Everything is computed in the database
with one grouped query per rule, so a dashboard of every indicator costs a few queries.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Avg, Count, OuterRef, Q, QuerySet, Subquery, Sum

from impact.models import Aggregation, Indicator, Measure, Target, Value, Verification

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Scope:
    """Which measures and quarters count: empty fields mean everything."""

    governorate: str = ""
    start: date | None = None
    end: date | None = None
    source: str = ""  # "grants", "programmes" or ""
    programme: int | None = None
    grant: int | None = None
    call: int | None = None
    sdg_goal: int | None = None
    indicators: tuple[int, ...] = ()

    def measures(self, prefix: str = "") -> Q:
        """The measures in scope; ``prefix`` reaches them from a value or a target."""
        conditions = {"indicator__isnull": False}
        if self.governorate:
            conditions["governorate_id"] = self.governorate
        if self.source == "grants":
            conditions["grant__isnull"] = False
        elif self.source == "programmes":
            conditions["programme__isnull"] = False
        if self.programme:
            conditions["programme_id"] = self.programme
        if self.grant:
            conditions["grant_id"] = self.grant
        if self.call:
            conditions["grant__application__call_id"] = self.call
        q = Q(**{prefix + name: value for name, value in conditions.items()})
        if self.sdg_goal or self.indicators:
            q &= Q(**{prefix + "indicator__in": self._indicators_with_parts()})
        return q

    def _indicators_with_parts(self) -> set[int]:
        """The indicators asked for, and the parts their ratios are computed from. (A
        filter through the SDG table itself would count an indicator's values once per
        target of the goal it maps to.)"""
        chosen = Indicator.objects.all()
        if self.sdg_goal:
            chosen = chosen.filter(sdg_targets__goal=self.sdg_goal)
        if self.indicators:
            chosen = chosen.filter(pk__in=self.indicators)
        ids = set()
        for row in chosen.values_list("pk", "numerator", "denominator"):
            ids.update(pk for pk in row if pk)
        return ids

    def rows(self) -> Q:
        """Values or targets of the measures in scope, in the quarters in scope."""
        q = self.measures("measure__")
        if self.start:
            q &= Q(period__gte=self.start)
        if self.end:
            q &= Q(period__lte=self.end)
        return q


@dataclass
class Figure:
    """One indicator's actual and target in one cell of a breakdown."""

    indicator: Indicator
    actual: Decimal | None = None
    target: Decimal | None = None
    baseline: Decimal | None = None
    numerator: Decimal | None = None
    denominator: Decimal | None = None
    measures: int = 0
    extra: dict = field(default_factory=dict)

    @property
    def progress(self) -> int | None:
        """How far towards the target (%): from the baseline for levels, from zero for sums."""
        if self.actual is None or not self.target:
            return None
        start = Decimal(0)
        if self.indicator.aggregation != Aggregation.SUM and self.baseline is not None:
            start = self.baseline
        if self.target == start:
            return None
        return round((self.actual - start) * HUNDRED / (self.target - start))


def verified_values(scope: Scope, dimension: str = "") -> QuerySet:
    """Verified totals, or with a ``dimension`` the verified values of its categories."""
    rows = Value.objects.filter(status=Verification.VERIFIED, dimension=dimension)
    return rows.filter(scope.rows())


def planned_targets(scope: Scope) -> QuerySet:
    return Target.objects.filter(scope.rows())


def _combine(rows: QuerySet, rule: str, group: tuple[str, ...]) -> dict[tuple, dict]:
    """``{(indicator_id, *group): {"value": …, "measures": n}}`` for the rows of one rule."""
    rows = rows.filter(measure__indicator__aggregation=rule)
    if rule == Aggregation.LATEST and "period" not in group:
        # Within a quarter a level is that quarter's value; over several, its last one.
        same = rows.filter(measure=OuterRef("measure"))
        if "category" in group:
            same = same.filter(category=OuterRef("category"))
        rows = rows.filter(period=Subquery(same.order_by("-period").values("period")[:1]))
    total = Sum("value") if rule == Aggregation.SUM else Avg("value")
    keys = ("measure__indicator", *group)
    result = {}
    for row in rows.values(*keys).annotate(total=total, measures=Count("measure", distinct=True)):
        key = tuple(row[name] for name in keys)
        result[key] = {"value": row["total"], "measures": row["measures"]}
    return result


def _baselines(scope: Scope, group: tuple[str, ...]) -> dict[tuple, Decimal]:
    """Each indicator's baseline over the measures in scope, by the indicator's rule."""
    q = scope.measures()
    if not all(name.startswith("measure__") for name in group):
        return {}  # a baseline belongs to a measure, not to a quarter or a category
    names = tuple(name.removeprefix("measure__") for name in group)
    result = {}
    for rule, total in ((Aggregation.SUM, Sum("baseline")), (None, Avg("baseline"))):
        rows = Measure.objects.filter(q)
        rows = (
            rows.filter(indicator__aggregation=rule)
            if rule
            else rows.exclude(indicator__aggregation=Aggregation.SUM)
        )
        for row in rows.values("indicator", *names).annotate(total=total):
            result[(row["indicator"], *(row[name] for name in names))] = row["total"]
    return result


def figures(
    scope: Scope,
    *,
    by: tuple[str, ...] = (),
    dimension: str = "",
    indicators: list[Indicator] | None = None,
) -> dict[tuple, Figure]:
    """Every indicator's figure in scope, keyed ``(indicator_id, *by values)``; with a
    ``dimension``, by its categories (``by`` then starts with "category")."""
    if indicators is None:
        indicators = list(Indicator.objects.select_related("numerator", "denominator"))
    by_pk = {indicator.pk: indicator for indicator in indicators}
    actual, target = {}, {}
    for rule in (Aggregation.SUM, Aggregation.MEAN, Aggregation.LATEST):
        actual |= _combine(verified_values(scope, dimension), rule, by)
        if not dimension:  # targets are set for totals only
            target |= _combine(planned_targets(scope), rule, by)
    baselines = _baselines(scope, by)
    result: dict[tuple, Figure] = {}
    for key in actual.keys() | target.keys():
        indicator = by_pk.get(key[0])
        if indicator is None:
            continue
        figure = Figure(indicator, baseline=baselines.get(key))
        if key in actual:
            figure.actual, figure.measures = actual[key]["value"], actual[key]["measures"]
        if key in target:
            figure.target = target[key]["value"]
        result[key] = figure
    for indicator in indicators:
        if indicator.is_ratio:
            result |= ratios(indicator, actual, target, baselines)
    return result


def ratios(indicator: Indicator, actual: dict, target: dict, baselines: dict) -> dict:
    """A ratio in each cell where its parts have values: factor × Σ parts."""
    factor = Decimal(indicator.factor)
    cells = defaultdict(dict)
    for name, source in (("actual", actual), ("target", target)):
        for part, pk in (("num", indicator.numerator_id), ("den", indicator.denominator_id)):
            for key, cell in source.items():
                if key[0] == pk:
                    cells[key[1:]][f"{name}_{part}"] = cell
    result = {}
    for rest, parts in cells.items():
        figure = Figure(indicator)
        figure.numerator, figure.denominator = _ratio_parts(parts, "actual")
        figure.actual = _divide(figure.numerator, figure.denominator, factor)
        figure.target = _divide(*_ratio_parts(parts, "target"), factor)
        figure.measures = (parts.get("actual_den") or {}).get("measures", 0)
        base_num = baselines.get((indicator.numerator_id, *rest))
        base_den = baselines.get((indicator.denominator_id, *rest))
        figure.baseline = _divide(base_num, base_den, factor)
        result[(indicator.pk, *rest)] = figure
    return result


def money(scope: Scope, indicator: Indicator) -> Decimal | None:
    """The money behind an indicator's verified values in scope: each measure counted
    carries an even share of its grant's amount or programme's budget, split between the
    owner's measures of that indicator (a programme reports one per governorate)."""
    counted = verified_values(scope).filter(measure__indicator=indicator).values("measure")
    measures = Measure.objects.filter(pk__in=counted).select_related("grant", "programme")
    owners = Measure.objects.filter(indicator=indicator).values("grant", "programme")
    siblings = {
        (row["grant"], row["programme"]): row["n"] for row in owners.annotate(n=Count("pk"))
    }
    total = Decimal(0)
    for measure in measures:
        owner = measure.grant or measure.programme
        amount = measure.grant.amount_awarded if measure.grant else owner.budget
        total += (amount or 0) / siblings[(measure.grant_id, measure.programme_id)]
    return total.quantize(Decimal("0.01")) if measures else None


def _ratio_parts(parts: dict, name: str) -> tuple[Decimal | None, Decimal | None]:
    return tuple((parts.get(f"{name}_{part}") or {}).get("value") for part in ("num", "den"))


def _divide(numerator, denominator, factor: Decimal) -> Decimal | None:
    if numerator is None or not denominator:
        return None
    return (factor * numerator / denominator).quantize(Decimal("0.01"))
