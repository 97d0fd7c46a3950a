"""Demo results: the demo grants' frameworks with verified quarters, and two programmes
reported by governorate, so that the dashboards and the map have something to show."""

import random
from datetime import date
from decimal import Decimal

from django.utils import timezone

from accounts.models import User
from fund.models import Grant
from impact import periods, results, rollup
from impact.models import Indicator, Measure, Programme, Target, Value, Verification

PROGRAMMES = (
    {
        "code": "digital-skills",
        "name_ar": "برنامج المهارات الرقمية",
        "name_en": "Digital skills programme",
        "budget": Decimal("6000000"),
        "indicators": ("people-trained", "trained-in-work", "employment-rate", "satisfaction"),
        "governorates": ("01", "02", "12", "13", "16", "21", "24", "26", "27", "28"),
    },
    {
        "code": "family-outreach",
        "name_ar": "برنامج الوصول إلى الأسر الأولى بالرعاية",
        "name_en": "Reaching families in need",
        "budget": Decimal("9000000"),
        "indicators": ("families-supported", "people-reached", "children-in-nurseries"),
        "governorates": (
            "01", "02", "03", "11", "12", "13", "14", "15", "17", "18",
            "19", "21", "22", "23", "24", "25", "26", "27", "29", "32",
        ),
    },
)  # fmt: skip
SIZE = {
    "people-trained": 120,
    "trained-in-work": 35,
    "satisfaction": 4,
    "families-supported": 300,
    "people-reached": 900,
    "children-in-nurseries": 250,
}


def seed_impact() -> int:
    if Programme.objects.exists():
        return Measure.objects.count()
    rng = random.Random(8)
    central, checker = User.objects.get(username="central"), User.objects.get(username="auditor")
    library = {i.code: i for i in Indicator.objects.all()}
    for spec in PROGRAMMES:
        programme = Programme.objects.create(
            code=spec["code"],
            name_ar=spec["name_ar"],
            name_en=spec["name_en"],
            budget=spec["budget"],
            starts_on=date(2025, 1, 1),
            ends_on=date(2027, 12, 31),
        )
        for code in spec["indicators"]:
            for governorate in spec["governorates"]:
                measure = results.programme_measure(
                    programme,
                    library[code],
                    by=central,
                    outcome=programme.name_ar,
                    governorate_id=governorate,
                )
                _quarters(measure, library[code], rng, central, checker)
    _grants(library, rng)
    rollup.rebuild()
    return Measure.objects.count()


def _quarters(measure, indicator, rng, reporter, checker) -> None:
    """Targets for every quarter; verified values up to the last full quarter."""
    if indicator.is_ratio:
        return
    now = periods.quarter_of(timezone.localdate())
    size = SIZE[indicator.code]
    owner = measure.programme or measure.grant
    for quarter in periods.quarters(owner.starts_on, owner.ends_on):
        target = Decimal(size) if indicator.code != "satisfaction" else Decimal("4.2")
        Target.objects.create(measure=measure, period=quarter, value=target)
        if quarter >= now:
            continue
        actual = Decimal(round(size * rng.uniform(0.45, 1.25), 0 if size > 10 else 1))
        Value.objects.create(
            measure=measure,
            period=quarter,
            value=actual,
            status=Verification.VERIFIED,
            reported_by=reporter,
            checked_by=checker,
            checked_at=timezone.now(),
        )
        if "sex" in indicator.disaggregations and indicator.aggregation == "sum":
            women = Decimal(round(actual * Decimal(rng.uniform(0.45, 0.65))))
            for category, part in (("female", women), ("male", actual - women)):
                Value.objects.create(
                    measure=measure,
                    period=quarter,
                    dimension="sex",
                    category=category,
                    value=part,
                    status=Verification.VERIFIED,
                    reported_by=reporter,
                    checked_by=checker,
                    checked_at=timezone.now(),
                )


def _grants(library, rng) -> None:
    """The demo grants count people reached; their quarters are verified by the fund."""
    officer = User.objects.get(username="fund_officer")
    checker = User.objects.get(username="auditor")
    for grant in Grant.objects.select_related("application__organization"):
        for measure in results.ensure_for_grant(grant):
            results.tie(measure, library["people-reached"], by=officer)
            measure.targets.all().delete()
            _quarters(measure, library["people-reached"], rng, officer, checker)
