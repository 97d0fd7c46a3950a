"""Benchmark: the public licence check and the ministry's dashboard at national scale.

Seeds 50,000 facilities (every governorate and kind, four in five licensed) with 200,000
inspections, 20,000 violations and 5,000 open applications into a fresh SQLite database
(or the empty database named by BENCH_DATABASE_URL, never DATABASE_URL), then times, in
process, the public search (by governorate and kind, by part of a name, by a licence
number typed in Arabic-Indic digits) and the ministry's dashboard for the whole country
(median and 95th percentile). The last line is one JSON object.

    .venv/bin/python bench/care.py [--facilities 50000] [--repeat 30]
"""

import argparse
import json
import random
import shutil
import time
from datetime import timedelta

from inprocess import fresh_django, signed_in, time_pages

WORK = fresh_django("sanad-bench-care-")

from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import Role, User  # noqa: E402
from care.models import (  # noqa: E402
    KIND_DIGITS,
    Facility,
    FacilityKind,
    FacilityStatus,
    Inspection,
    LicenceApplication,
    Result,
    Severity,
    Violation,
)
from core.reference import GOVERNORATES  # noqa: E402

WORDS = ["النور", "الأمل", "الرحمة", "السعادة", "البراعم", "الزهور", "الهدى", "الفجر", "الخير"]
KINDS = list(FacilityKind)


def seed(count: int) -> dict:
    rng = random.Random(7)
    today = timezone.localdate()
    inspector = User.objects.create_user("bench-inspector", role=Role.INSPECTOR)
    codes = [code for code, _ar, _en in GOVERNORATES]
    facilities = []
    for n in range(count):
        kind = KINDS[n % 4]
        governorate = codes[n % len(codes)]
        licensed = n % 5 != 0
        key = f"{governorate}{KIND_DIGITS[kind]}{n:06d}"
        name = f"{rng.choice(WORDS)} {rng.choice(WORDS)} {n}"
        facilities.append(
            Facility(
                kind=kind,
                name_ar=f"حضانة {name}" if kind == FacilityKind.NURSERY else f"دار {name}",
                governorate_id=governorate,
                address="شارع",
                capacity=30 + n % 70,
                status=FacilityStatus.LICENSED if licensed else FacilityStatus.APPLICANT,
                licence_number=f"{key[:2]}-{key[2]}-{key[3:]}" if licensed else "",
                licence_key=key if licensed else "",
                licence_valid_until=today + timedelta(days=n % 900) if licensed else None,
                last_inspected_on=today - timedelta(days=n % 400),
                last_inspection_result=rng.choice(list(Result.values)),
                open_serious_violations=1 if n % 50 == 0 else 0,
            )
        )
    with transaction.atomic():
        for facility in facilities:  # save() fills name_key; bulk_create would not
            facility.name_key = ""
        Facility.objects.bulk_create(facilities, batch_size=2000)
        from core.text import search_key

        created = list(Facility.objects.only("pk", "name_ar"))
        for facility in created:
            facility.name_key = search_key(facility.name_ar)
        Facility.objects.bulk_update(created, ["name_key"], batch_size=2000)
        inspections = [
            Inspection(
                facility_id=facility.pk,
                inspector=inspector,
                due_on=today - timedelta(days=100 * k + facility.pk % 90),
                done_at=None
                if k == 0 and facility.pk % 10 == 0
                else timezone.now() - timedelta(days=100 * k),
                result=Result.PASSED,
            )
            for facility in created
            for k in range(4)
        ]
        Inspection.objects.bulk_create(inspections, batch_size=5000)
        sample = Inspection.objects.filter(
            pk__in=[i.pk for i in inspections[:: max(1, len(inspections) // 20000)]]
        )
        Violation.objects.bulk_create(
            [
                Violation(
                    facility_id=inspection.facility_id,
                    inspection=inspection,
                    severity=rng.choice(list(Severity.values)),
                    description="مخالفة",
                    correct_by=today + timedelta(days=rng.randint(-30, 30)),
                )
                for inspection in sample
            ],
            batch_size=5000,
        )
        LicenceApplication.objects.bulk_create(
            [
                LicenceApplication(facility_id=facility.pk, submitted_by=inspector)
                for facility in created[::10]
            ],
            batch_size=5000,
        )
    return {
        "facilities": len(created),
        "inspections": Inspection.objects.count(),
        "violations": Violation.objects.count(),
        "applications": LicenceApplication.objects.count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facilities", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    started = time.perf_counter()
    figures = seed(args.facilities)
    print(
        f"seeded {figures['facilities']:,} facilities, {figures['inspections']:,} inspections, "
        f"{figures['violations']:,} violations, {figures['applications']:,} applications "
        f"in {time.perf_counter() - started:.0f} s"
    )
    public = Client(HTTP_HOST="127.0.0.1")
    central = signed_in(User.objects.create_user("bench-central", role=Role.CENTRAL_OFFICER))
    pages = {
        "search_governorate_kind": (public, "/care/?governorate=02&kind=nursery"),
        "search_name": (public, "/care/?name=الامل النور"),
        "search_licence_number": (public, "/care/?number=٠٢-١-٠٠٠٠٢٨"),
        "ministry_dashboard": (central, "/care/dashboard/"),
    }
    figures |= time_pages(pages, args.repeat)
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
