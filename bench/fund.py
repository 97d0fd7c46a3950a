"""Benchmark: the fund's officer list, committee ranking and 360Giving export at scale.

Seeds 5,000 organizations, 20,000 applications (four calls), 60,000 reviews (three
reviewers an application, four criteria each) and 2,000 grants into a fresh SQLite
database (or the empty database named by BENCH_DATABASE_URL, never DATABASE_URL), then
times the pages in-process (median and 95th percentile) and streams the 360Giving
export of every award: its time untraced, then its peak memory (tracemalloc) beside
that of half of them. The export reads flat rows in chunks of 250 grants, so both span
several chunks and the two peaks should be the same.
The last line is one JSON object.

    .venv/bin/python bench/fund.py [--organizations 5000] [--repeat 15]
"""

import argparse
import json
import shutil
import time
import tracemalloc
from datetime import date, timedelta
from decimal import Decimal

from inprocess import fresh_django, signed_in, time_pages

WORK = fresh_django("sanad-bench-fund-")

from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import Role, User  # noqa: E402
from core.reference import GOVERNORATES  # noqa: E402
from fund.giving360 import awarded_grants, package_chunks  # noqa: E402
from fund.models import (  # noqa: E402
    Application,
    ApplicationStatus,
    Assignment,
    Call,
    CallStatus,
    Criterion,
    Grant,
    Score,
)
from registry.models import Organization, OrganizationKind  # noqa: E402

CALLS = 4
REVIEWERS_EACH = 3
CRITERIA = (
    (60, "الأثر", "Impact"),
    (20, "الكفاءة", "Efficiency"),
    (10, "الاستدامة", "Sustainability"),
    (10, "الشراكات", "Partnerships"),
)
GRANTS = 2000


def seed(organizations: int) -> dict:
    now = timezone.now()
    with transaction.atomic():
        orgs = Organization.objects.bulk_create(
            Organization(
                registration_number=f"B-{n:06d}",
                name_ar=f"جمعية التنمية رقم {n}",
                name_en=f"Development association {n}",
                kind=OrganizationKind.ASSOCIATION,
                governorate_id=GOVERNORATES[n % len(GOVERNORATES)][0],
                founded_on=date(2010, 1, 1) + timedelta(days=n),
                search_key=f"جمعيه التنميه رقم {n}",
            )
            for n in range(organizations)
        )
        member = User.objects.create_user("bench-member", role=Role.ORGANIZATION_MEMBER)
        reviewers = User.objects.bulk_create(
            User(username=f"bench-reviewer-{n}", role=Role.REVIEWER) for n in range(40)
        )
        calls = [
            Call.objects.create(
                code=f"bench-call-{c}",
                title_ar=f"إعلان رقم {c}",
                title_en=f"Call {c}",
                text_ar="نص",
                text_en="Text",
                opens_at=now - timedelta(days=60),
                closes_at=now - timedelta(days=1),
                total_budget=Decimal("500000000"),
                grant_floor=Decimal("50000"),
                grant_ceiling=Decimal("1000000"),
                status=CallStatus.PUBLISHED,
            )
            for c in range(CALLS)
        ]
        criteria = {
            call.pk: Criterion.objects.bulk_create(
                Criterion(call=call, name_ar=ar, name_en=en, weight=w, position=i)
                for i, (w, ar, en) in enumerate(CRITERIA)
            )
            for call in calls
        }
        applications = Application.objects.bulk_create(
            Application(
                call=call,
                organization=org,
                created_by=member,
                title=f"مشروع {org.registration_number}",
                summary="ملخص المشروع",
                requested_amount=Decimal(50000 + (n * 37) % 900000),
                status=ApplicationStatus.IN_REVIEW,
                submitted_at=now - timedelta(days=2, minutes=n),
            )
            for call in calls
            for n, org in enumerate(orgs)
        )
        assignments = Assignment.objects.bulk_create(
            Assignment(
                application=application,
                reviewer=reviewers[(n * REVIEWERS_EACH + r) % len(reviewers)],
                no_conflict_declared_at=now,
            )
            for n, application in enumerate(applications)
            for r in range(REVIEWERS_EACH)
        )
        by_pk = {a.pk: a for a in applications}
        Score.objects.bulk_create(
            (
                Score(
                    assignment=assignment,
                    criterion=criterion,
                    value=Decimal((assignment.pk * 7 + criterion.pk * 3) % 11),
                )
                for assignment in assignments
                for criterion in criteria[by_pk[assignment.application_id].call_id]
            ),
            batch_size=5000,
        )
        funded = applications[-GRANTS:]
        Application.objects.filter(pk__in=[a.pk for a in funded]).update(
            status=ApplicationStatus.FUNDED
        )
        officer = User.objects.create_user("bench-officer", role=Role.FUND_OFFICER)
        Grant.objects.bulk_create(
            Grant(
                application=a,
                amount_awarded=a.requested_amount,
                awarded_on=date(2026, 11, 1),
                starts_on=date(2027, 1, 1),
                ends_on=date(2027, 12, 31),
                decided_by=officer,
            )
            for a in funded
        )
    return {
        "organizations": len(orgs),
        "applications": len(applications),
        "reviews": len(assignments),
        "grants": len(funded),
        "officer": officer,
        "ranked_call": calls[0].code,
    }


def export_time(grants) -> tuple[float, int]:
    """Seconds and bytes of one streamed export, untraced."""
    started = time.perf_counter()
    size = sum(len(chunk) for chunk in package_chunks(grants))
    return time.perf_counter() - started, size


def export_peak(grants) -> float:
    """Peak traced memory (MB) of one streamed export."""
    tracemalloc.start()
    for _chunk in package_chunks(grants):
        pass
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organizations", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    started = time.perf_counter()
    seeded = seed(args.organizations)
    print(
        f"seeded {seeded['organizations']:,} organizations, {seeded['applications']:,} "
        f"applications, {seeded['reviews']:,} reviews, {seeded['grants']:,} grants "
        f"in {time.perf_counter() - started:.0f} s"
    )
    client = signed_in(seeded["officer"])
    figures = {k: v for k, v in seeded.items() if isinstance(v, int)}
    pages = {
        "officer_list": "/fund/staff/applications/",
        "officer_list_filtered": (
            f"/fund/staff/applications/?call={seeded['ranked_call']}&status=in_review"
        ),
        "committee_ranking": f"/fund/staff/calls/{seeded['ranked_call']}/ranking/",
    }
    figures |= time_pages({name: (client, url) for name, url in pages.items()}, args.repeat)
    every = awarded_grants()
    grants = every.count()  # fewer than GRANTS when few organizations are seeded
    half = every.filter(pk__lte=every.values_list("pk", flat=True)[max(grants // 2 - 1, 0)])
    seconds, size = export_time(every)
    peak_all, peak_half = export_peak(every), export_peak(half)
    print(
        f"360Giving export of {grants:,} grants: {seconds:.2f} s "
        f"({seconds * 1000 / grants:.2f} ms a grant), {size / 1e6:.1f} MB, "
        f"peak memory {peak_all:.2f} MB (half of them: {peak_half:.2f} MB)"
    )
    figures.update(
        {
            "export_seconds": round(seconds, 2),
            "export_ms_per_grant": round(seconds * 1000 / grants, 2),
            "export_mb": round(size / 1e6, 2),
            "export_peak_memory_mb": round(peak_all, 2),
            "export_half_peak_memory_mb": round(peak_half, 2),
        }
    )
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
