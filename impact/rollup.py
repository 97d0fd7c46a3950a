"""The public figures from partial sums: rebuilt from the values every few minutes (a
scheduled job, or `manage.py impact rollup`), read by the dashboards in a few milliseconds.

``figures`` answers exactly what ``aggregation.figures`` answers, for the scopes the public
pages offer: all of it or a governorate, all time or one calendar year, a source, an SDG
goal, by governorate, quarter, source or category. Other scopes (one programme, grant or
call, or any other range of quarters) go to the live engine. A test holds the two equal.
"""

from collections import defaultdict
from datetime import date
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Sum
from django.utils import timezone

from impact import aggregation
from impact.aggregation import Figure, Scope
from impact.models import Aggregation, Cell, Indicator, Reach, RollupState

SOURCE = "CASE WHEN m.grant_id IS NULL THEN 'programmes' ELSE 'grants' END"
OWNER = "CASE WHEN m.grant_id IS NULL THEN -m.programme_id ELSE m.grant_id END"
RANKED = """
    SELECT {columns}, {value},
      ROW_NUMBER() OVER (PARTITION BY {owner}, {year} ORDER BY {table}.period DESC) AS year_rank,
      ROW_NUMBER() OVER (PARTITION BY {owner} ORDER BY {table}.period DESC) AS rank
    FROM {source_table} JOIN impact_measure m ON m.id = {table}.measure_id
    WHERE m.indicator_id IS NOT NULL {condition}
"""
PARTIALS = """
    SELECT indicator_id, governorate_id, source, period, dimension, category,
      SUM(value), COUNT(*),
      SUM(CASE WHEN year_rank = 1 THEN value ELSE 0 END),
      SUM(CASE WHEN year_rank = 1 THEN 1 ELSE 0 END),
      SUM(CASE WHEN rank = 1 THEN value ELSE 0 END),
      SUM(CASE WHEN rank = 1 THEN 1 ELSE 0 END)
    FROM ({ranked}) ranked
    GROUP BY indicator_id, governorate_id, source, period, dimension, category
"""
# Each measure's share of its grant's or programme's money: split evenly between the
# measures of one owner under one indicator (a programme reports per governorate).
MONEY = """
    WITH share AS (
      SELECT m.id, m.indicator_id, m.governorate_id, {source} AS source,
        COALESCE(g.amount_awarded, p.budget, 0) * 1.0
          / COUNT(*) OVER (PARTITION BY m.indicator_id, {owner}) AS share
      FROM impact_measure m
      LEFT JOIN fund_grant g ON g.id = m.grant_id
      LEFT JOIN impact_programme p ON p.id = m.programme_id
      WHERE m.indicator_id IS NOT NULL
    ), counted AS (
      -- In two steps: PostgreSQL 15 hashing (measure, year) straight from the values
      -- spilled to disk over and over (5 minutes for 2.6 million values; this, 2 s).
      SELECT DISTINCT d.measure_id, {year} AS year FROM (
        SELECT DISTINCT v.measure_id, v.period FROM impact_value v
        WHERE v.status = 'verified' AND v.dimension = ''
      ) d
    )
    SELECT s.indicator_id, s.governorate_id, s.source, counted.year, SUM(s.share)
    FROM counted JOIN share s ON s.id = counted.measure_id
    GROUP BY s.indicator_id, s.governorate_id, s.source, counted.year
"""
# Only constants of this module are formatted into these statements, never input.
BASELINES = f"""
    SELECT m.indicator_id, m.governorate_id, {SOURCE}, SUM(m.baseline), COUNT(*)
    FROM impact_measure m WHERE m.indicator_id IS NOT NULL
    GROUP BY m.indicator_id, m.governorate_id, {SOURCE}
"""  # noqa: S608


def _year(column: str) -> str:
    if connection.vendor == "postgresql":
        return f"CAST(EXTRACT(YEAR FROM {column}) AS INTEGER)"
    return f"CAST(strftime('%Y', {column}) AS INTEGER)"


def _partials(cursor, *, values: bool) -> list[tuple]:
    table = "v" if values else "t"
    ranked = RANKED.format(
        columns=f"m.indicator_id, m.governorate_id, {SOURCE} AS source, {table}.period, "
        + ("v.dimension, v.category" if values else "'' AS dimension, '' AS category"),
        value=f"{table}.value",
        owner=f"{table}.measure_id" + (", v.dimension, v.category" if values else ""),
        year=_year(f"{table}.period"),
        table=table,
        source_table="impact_value v" if values else "impact_target t",
        condition="AND v.status = 'verified'" if values else "",
    )
    cursor.execute(PARTIALS.format(ranked=ranked))
    return cursor.fetchall()


def rebuild() -> int:
    """Recompute every partial sum from the values and targets; returns the cells made."""
    cells: dict[tuple, Cell] = {}
    with connection.cursor() as cursor:
        for values in (True, False):
            for row in _partials(cursor, values=values):
                key = row[:6]
                cell = cells.setdefault(key, _cell(key))
                numbers = [Decimal(str(n or 0)) for n in row[6:]]
                prefix = "" if values else "target_"
                names = (
                    "sum",
                    "count",
                    "year_last_sum",
                    "year_last_count",
                    "last_sum",
                    "last_count",
                )
                for name, number in zip(names, numbers, strict=True):
                    field = (
                        f"value_{name}"
                        if values and name in ("sum", "count")
                        else f"{prefix}{name}"
                    )
                    setattr(cell, field, number)
        reaches = _reaches(cursor)
    with transaction.atomic():
        Cell.objects.all().delete()
        Cell.objects.bulk_create(cells.values(), batch_size=5000)
        Reach.objects.all().delete()
        Reach.objects.bulk_create(reaches, batch_size=5000)
        RollupState.objects.update_or_create(pk=1, defaults={"built_at": timezone.now()})
    return len(cells)  # fmt: skip


def _cell(key: tuple) -> Cell:
    indicator, governorate, source, period, dimension, category = key
    if isinstance(period, str):
        period = date.fromisoformat(period)
    return Cell(
        indicator_id=indicator,
        governorate_id=governorate,
        source=source,
        period=period,
        dimension=dimension,
        category=category,
    )


def _reaches(cursor) -> list[Reach]:
    rows: dict[tuple, Reach] = {}
    cursor.execute(BASELINES)
    baselines = {row[:3]: row[3:] for row in cursor.fetchall()}
    for year in (_year("d.period"), "NULL"):
        cursor.execute(MONEY.format(source=SOURCE, year=year, owner=OWNER))
        for indicator, governorate, source, in_year, money in cursor.fetchall():
            reach = rows.setdefault(
                (indicator, governorate, source, in_year),
                Reach(
                    indicator_id=indicator, governorate_id=governorate, source=source, year=in_year
                ),
            )
            reach.money = Decimal(str(money or 0)).quantize(Decimal("0.0001"))
    for (indicator, governorate, source), (total, count) in baselines.items():
        reach = rows.setdefault(
            (indicator, governorate, source, None),
            Reach(indicator_id=indicator, governorate_id=governorate, source=source, year=None),
        )
        reach.baseline_sum, reach.baseline_count = Decimal(str(total or 0)), count
    return list(rows.values())  # fmt: skip


def built_at():
    state = RollupState.objects.filter(pk=1).first()
    return state.built_at if state else None


# -- reading ---------------------------------------------------------------------------


def answers(scope: Scope) -> bool:
    """Whether the partial sums can answer this scope (else the live engine does)."""
    if scope.programme or scope.grant or scope.call or built_at() is None:
        return False
    return _year_of(scope) is not False


def _year_of(scope: Scope) -> bool | int | None:
    """The calendar year the scope covers, None for all time, False for another range."""
    if scope.start is None and scope.end is None:
        return None
    whole_year = (
        scope.start
        and scope.end
        and (scope.start, scope.end)
        == (
            date(scope.start.year, 1, 1),
            date(scope.start.year, 10, 1),
        )
    )
    return scope.start.year if whole_year else False


def figures(
    scope: Scope,
    *,
    by: tuple[str, ...] = (),
    dimension: str = "",
    indicators: list[Indicator] | None = None,
) -> dict[tuple, Figure]:
    """What ``aggregation.figures`` would answer, from the partial sums when they can."""
    if not answers(scope):
        return aggregation.figures(scope, by=by, dimension=dimension, indicators=indicators)
    if indicators is None:
        indicators = list(Indicator.objects.select_related("numerator", "denominator"))
    year = _year_of(scope)
    cells = _cells(scope, year, dimension)
    keys = tuple(_CELL_KEYS[name] for name in by)
    actual, target = {}, {}
    by_pk = {i.pk: i for i in indicators}
    grouped = defaultdict(lambda: defaultdict(Decimal))
    for cell in cells:
        indicator = by_pk.get(cell["indicator"])
        if indicator is None or indicator.is_ratio:
            continue
        key = (cell["indicator"], *(cell[k] for k in keys))
        for name, number in cell.items():
            if name not in _META:
                grouped[key][name] += number or 0
    periodic = "period" in by
    for key, sums in grouped.items():
        rule = by_pk[key[0]].aggregation
        actual_cell = _combine(rule, sums, "", year, periodic)
        target_cell = _combine(rule, sums, "target_", year, periodic)
        if actual_cell:
            actual[key] = actual_cell
        if target_cell and not dimension:
            target[key] = target_cell
    baselines = _baselines(scope, by)
    result = {}
    for key in actual.keys() | target.keys():
        figure = Figure(by_pk[key[0]], baseline=baselines.get(key))
        if key in actual:
            figure.actual, figure.measures = actual[key]["value"], actual[key]["measures"]
        if key in target:
            figure.target = target[key]["value"]
        result[key] = figure
    for indicator in indicators:
        if indicator.is_ratio:
            result |= aggregation.ratios(indicator, actual, target, baselines)
    return result


_CELL_KEYS = {"measure__governorate": "governorate", "period": "period", "category": "category"}
_META = {"indicator", "governorate", "period", "source", "category"}


def _cells(scope: Scope, year, dimension: str):
    cells = Cell.objects.filter(dimension=dimension)
    if scope.governorate:
        cells = cells.filter(governorate_id=scope.governorate)
    if scope.source:
        cells = cells.filter(source=scope.source)
    if year:
        cells = cells.filter(period__gte=date(year, 1, 1), period__lte=date(year, 12, 31))
    if scope.sdg_goal or scope.indicators:
        cells = cells.filter(indicator__in=scope._indicators_with_parts())
    return cells.values(
        "indicator",
        "governorate",
        "period",
        "source",
        "category",
        "value_sum",
        "value_count",
        "year_last_sum",
        "year_last_count",
        "last_sum",
        "last_count",
        "target_sum",
        "target_count",
        "target_year_last_sum",
        "target_year_last_count",
        "target_last_sum",
        "target_last_count",
    )


def _combine(rule: str, sums: dict, prefix: str, year, periodic: bool) -> dict | None:
    """One cell's figure from its partial sums, by the indicator's rule."""
    total, count = (
        sums[f"{prefix}sum" if prefix else "value_sum"],
        sums[f"{prefix}count" if prefix else "value_count"],
    )
    if not count:
        return None
    if rule == Aggregation.LATEST and not periodic:
        level = "year_last" if year else "last"
        total, latest = sums[f"{prefix}{level}_sum"], sums[f"{prefix}{level}_count"]
        return {"value": total / latest if latest else None, "measures": int(latest)}
    measures = sums[f"{prefix}year_last_count" if year else f"{prefix}last_count"]
    if periodic:
        measures = count
    value = total if rule == Aggregation.SUM else total / count
    return {"value": value, "measures": int(measures)}


def _baselines(scope: Scope, by: tuple[str, ...]) -> dict[tuple, Decimal]:
    if any(name != "measure__governorate" for name in by):
        return {}
    rows = Reach.objects.filter(year=None)
    if scope.governorate:
        rows = rows.filter(governorate_id=scope.governorate)
    if scope.source:
        rows = rows.filter(source=scope.source)
    keys = tuple(_CELL_KEYS[name] for name in by)
    sums = defaultdict(lambda: [Decimal(0), 0])
    for row in rows.values(
        "indicator", "indicator__aggregation", *keys, "baseline_sum", "baseline_count"
    ):
        key = (row["indicator"], *(row[k] for k in keys))
        sums[key][0] += row["baseline_sum"]
        sums[key][1] += row["baseline_count"]
        sums[key].append(row["indicator__aggregation"])
    return {
        key: total if rule[0] == Aggregation.SUM else total / count
        for key, (total, count, *rule) in sums.items()
        if count
    }


def money(scope: Scope, indicator: Indicator) -> Decimal | None:
    """The money behind an indicator's verified values in scope (see MONEY)."""
    if not answers(scope):
        return aggregation.money(scope, indicator)
    rows = Reach.objects.filter(indicator=indicator, year=_year_of(scope))
    if scope.governorate:
        rows = rows.filter(governorate_id=scope.governorate)
    if scope.source:
        rows = rows.filter(source=scope.source)
    return rows.aggregate(total=Sum("money"))["total"]
