"""The partial sums answer exactly what the live engine answers, for every public scope."""

import random
from datetime import date
from decimal import Decimal

import pytest

from impact import aggregation, results, rollup
from impact.aggregation import Scope
from impact.models import Target, Value, Verification

pytestmark = pytest.mark.django_db
CENT = Decimal("0.01")


def _round(number):
    return None if number is None else Decimal(number).quantize(CENT)


def _plain(found: dict) -> dict:
    return {
        key: (_round(f.actual), _round(f.target), f.measures, _round(f.baseline))
        for key, f in found.items()
    }


@pytest.fixture
def landscape(tied, library, programme, central, second_officer):
    """Grants and a programme in three governorates over two years, some values only
    reported, some quarters missing, levels, averages, sums by sex and a ratio's parts."""
    rng = random.Random(3)
    codes = ("people-reached", "people-trained", "trained-in-work", "employment-rate",
             "children-in-nurseries", "satisfaction")  # fmt: skip
    grants = [
        tied(*codes, governorate=g, amount=a)
        for g, a in (("01", "90000"), ("01", "50000"), ("21", "70000"))
    ]
    measures = [m for grant in grants for m in grant.by_code.values() if not m.indicator.is_ratio]
    for code in ("people-reached", "children-in-nurseries"):
        for governorate in ("01", "21", "26"):
            measures.append(
                results.programme_measure(
                    programme, library[code], by=central, outcome="x", governorate_id=governorate
                )
            )
    for measure in measures:
        measure.baseline = Decimal(rng.randrange(0, 20))
        measure.save()
        quarters = results.framework_periods(measure)
        for quarter in quarters:
            Target.objects.update_or_create(
                measure=measure, period=quarter, defaults={"value": rng.randrange(5, 50)}
            )
            if rng.random() < 0.2 or quarter >= date(2027, 1, 1):
                continue  # a quarter not reported
            total = Decimal(rng.randrange(1, 60))
            status = Verification.VERIFIED if rng.random() < 0.85 else Verification.REPORTED
            common = {
                "measure": measure,
                "period": quarter,
                "status": status,
                "reported_by": central,
            }
            Value.objects.create(value=total, **common)
            if measure.indicator.code == "people-reached":
                women = Decimal(rng.randrange(0, int(total) + 1))
                Value.objects.create(dimension="sex", category="female", value=women, **common)
                Value.objects.create(
                    dimension="sex", category="male", value=total - women, **common
                )
    return grants  # fmt: skip


SCOPES = [
    Scope(),
    Scope(governorate="01"),
    Scope(governorate="26"),
    Scope(start=date(2026, 1, 1), end=date(2026, 10, 1)),
    Scope(start=date(2026, 1, 1), end=date(2026, 10, 1), governorate="21"),
    Scope(source="grants"),
    Scope(source="programmes", start=date(2026, 1, 1), end=date(2026, 10, 1)),
    Scope(sdg_goal=8),
]
GROUPS = [(), ("measure__governorate",), ("period",)]


@pytest.mark.parametrize("scope", SCOPES)
def test_the_partial_sums_equal_the_live_figures(landscape, scope):
    rollup.rebuild()
    assert rollup.answers(scope)
    for by in GROUPS:
        live = _plain(aggregation.figures(scope, by=by))
        assert live, "the landscape should give every scope something to show"
        assert _plain(rollup.figures(scope, by=by)) == live, by
    by_sex = {"by": ("category",), "dimension": "sex"}
    assert _plain(rollup.figures(scope, **by_sex)) == _plain(aggregation.figures(scope, **by_sex))


@pytest.mark.parametrize("scope", SCOPES[:5])
def test_the_money_behind_the_figures_is_the_same(landscape, library, scope):
    rollup.rebuild()
    for code in ("people-reached", "people-trained"):
        assert _round(rollup.money(scope, library[code])) == _round(
            aggregation.money(scope, library[code])
        )


def test_other_scopes_and_an_unbuilt_rollup_go_to_the_live_engine(landscape):
    narrow = Scope(grant=landscape[0].pk)
    assert not rollup.answers(Scope())  # never built
    rollup.rebuild()
    assert not rollup.answers(narrow)
    assert not rollup.answers(Scope(start=date(2026, 4, 1), end=date(2026, 7, 1)))
    assert _plain(rollup.figures(narrow)) == _plain(aggregation.figures(narrow))


def test_figures_wait_for_the_rebuild(tied, verified, library):
    grant = tied("people-reached")
    verified(grant, "people-reached", 1, "10")
    rollup.rebuild()
    verified(grant, "people-reached", 2, "5")
    assert rollup.figures(Scope())[(library["people-reached"].pk,)].actual == 10
    rollup.rebuild()
    assert rollup.figures(Scope())[(library["people-reached"].pk,)].actual == 15
