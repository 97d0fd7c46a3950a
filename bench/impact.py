"""Benchmark: the public results dashboard and the full open-data export at national scale.

Seeds 20,000 grants, each with ten indicators (sums, levels, an average and a ratio of
two of them) and twelve quarters of targets and values (nine in ten verified, people
reached also by sex), into a fresh SQLite database (or the empty database named by
BENCH_DATABASE_URL, never DATABASE_URL). Then times, in process, the public dashboard
(whole country, and one governorate and year), an indicator page, and the full exports
(results CSV, IATI XML), after rebuilding the partial sums the public pages read (as the
scheduled job does every five minutes). The last line is one JSON object.

    .venv/bin/python bench/impact.py [--grants 20000] [--repeat 20]
"""

import argparse
import json
import random
import shutil
import time
from datetime import date
from decimal import Decimal

from inprocess import fresh_django, time_pages

WORK = fresh_django("sanad-bench-impact-")

from datetime import timedelta  # noqa: E402

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import Role, User  # noqa: E402
from core.reference import GOVERNORATES  # noqa: E402
from fund.models import Application, ApplicationStatus, Call, CallStatus, Grant  # noqa: E402
from impact import iati, opendata, periods, rollup  # noqa: E402
from impact.models import Indicator, Measure, Target, Value, Verification  # noqa: E402
from registry.models import Organization, OrganizationKind  # noqa: E402

CODES = (
    "people-reached",
    "families-supported",
    "people-trained",
    "trained-in-work",
    "employment-rate",
    "children-in-nurseries",
    "active-volunteers",
    "satisfaction",
    "disability-services",
    "digital-services",
)
START, END = date(2024, 1, 1), date(2026, 12, 31)
BATCH = 1_000  # grants at a time


def seed(grants: int) -> dict:
    rng = random.Random(5)
    governorates = [code for code, _ar, _en in GOVERNORATES]
    officer = User.objects.create_user("bench-officer", role=Role.FUND_OFFICER)
    now = timezone.now()
    call = Call.objects.create(
        code="bench",
        title_ar="منح",
        title_en="Grants",
        text_ar="-",
        text_en="-",
        opens_at=now,
        closes_at=now + timedelta(days=1),
        total_budget=Decimal("1e10"),
        grant_floor=1,
        grant_ceiling=Decimal("1e7"),
        status=CallStatus.CLOSED,
    )
    organizations = Organization.objects.bulk_create(
        Organization(
            registration_number=f"B-{n:06d}",
            kind=OrganizationKind.ASSOCIATION,
            name_ar=f"جمعية {n}",
            governorate_id=governorates[n % len(governorates)],
        )
        for n in range(grants)  # one application to a call per organization
    )
    library = {i.code: i for i in Indicator.objects.filter(code__in=CODES)}
    quarters = periods.quarters(START, END)
    made = 0
    while made < grants:
        size = min(BATCH, grants - made)
        with transaction.atomic():
            _seed_batch(rng, call, organizations, library, quarters, officer, made, size)
        made += size
        if made % 5_000 == 0:
            print(f"  {made:,} grants", flush=True)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # the steady state autovacuum keeps
    return {
        "grants": grants,
        "measures": Measure.objects.count(),
        "targets": Target.objects.count(),
        "values": Value.objects.count(),
    }


def _seed_batch(rng, call, organizations, library, quarters, officer, made, size) -> None:
    applications = Application.objects.bulk_create(
        Application(
            call=call,
            organization=organizations[(made + k) % len(organizations)],
            created_by=officer,
            title=f"مشروع {made + k}",
            requested_amount=100_000,
            status=ApplicationStatus.FUNDED,
        )
        for k in range(size)
    )
    grants = Grant.objects.bulk_create(
        Grant(
            application=a,
            amount_awarded=rng.randrange(50_000, 500_000),
            awarded_on=START,
            starts_on=START,
            ends_on=END,
            decided_by=officer,
        )
        for a in applications
    )
    measures = Measure.objects.bulk_create(
        Measure(
            grant=grant,
            indicator=library[code],
            outcome="تمكين الأسر",
            name=library[code].name_ar,
            unit=library[code].unit_ar,
            governorate_id=application.organization.governorate_id,
        )
        for grant, application in zip(grants, applications, strict=True)
        for code in CODES
    )
    targets, values = [], []
    for measure in measures:
        indicator = measure.indicator
        if indicator.is_ratio:
            continue
        size_of = 5 if indicator.code == "satisfaction" else rng.randrange(20, 400)
        for quarter in quarters:
            targets.append(Target(measure=measure, period=quarter, value=size_of))
            actual = Decimal(round(size_of * rng.uniform(0.4, 1.3), 1))
            status = Verification.VERIFIED if rng.random() < 0.9 else Verification.REPORTED
            common = {"measure": measure, "period": quarter, "status": status}
            values.append(Value(value=actual, reported_by=officer, **common))
            if indicator.code == "people-reached":
                women = (actual * Decimal("0.55")).quantize(Decimal("0.1"))
                for category, part in (("female", women), ("male", actual - women)):
                    values.append(
                        Value(
                            dimension="sex",
                            category=category,
                            value=part,
                            reported_by=officer,
                            **common,
                        )
                    )
    Target.objects.bulk_create(targets, batch_size=20_000)
    Value.objects.bulk_create(values, batch_size=20_000)


def timed_export(chunks) -> tuple[float, int]:
    started = time.perf_counter()
    size = sum(len(chunk) for chunk in chunks)
    return time.perf_counter() - started, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--grants", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    started = time.perf_counter()
    figures = seed(args.grants)
    print(
        f"seeded {figures['grants']:,} grants, {figures['measures']:,} measures, "
        f"{figures['targets']:,} targets, {figures['values']:,} values "
        f"in {time.perf_counter() - started:.0f} s"
    )
    started = time.perf_counter()
    cells = rollup.rebuild()
    figures["rollup_rebuild_seconds"] = round(time.perf_counter() - started, 1)
    print(f"partial sums rebuilt: {cells:,} cells in {figures['rollup_rebuild_seconds']} s")
    public = Client(HTTP_HOST="127.0.0.1")
    pages = {
        "public_dashboard": "/impact/",
        "public_dashboard_governorate_year": "/impact/?governorate=21&year=2025",
        "indicator_page": "/impact/indicators/employment-rate/",
    }
    figures |= time_pages({name: (public, url) for name, url in pages.items()}, args.repeat)
    seconds, size = timed_export(opendata.csv_chunks())
    rows = Value.objects.filter(status=Verification.VERIFIED).count()
    print(f"results CSV: {rows:,} rows, {size / 1e6:.0f} MB in {seconds:.1f} s")
    figures |= {
        "results_csv_seconds": round(seconds, 1),
        "results_csv_rows": rows,
        "results_csv_rows_per_second": round(rows / seconds),
    }
    seconds, size = timed_export(iati.chunks())
    print(f"IATI XML: {args.grants:,} activities, {size / 1e6:.0f} MB in {seconds:.1f} s")
    figures |= {"iati_seconds": round(seconds, 1), "iati_megabytes": round(size / 1e6)}
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
