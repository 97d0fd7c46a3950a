"""Benchmark: the reach dashboard and a cohort's roster at national scale.

Seeds 1,000,000 trainees, 20,000 cohorts (five sessions each, fifty people each) and
5,000,000 attendance marks into a fresh SQLite database (or the empty database named by
BENCH_DATABASE_URL, never DATABASE_URL), then times, in process, the ministry's reach
dashboard for the whole country and one trainer's roster page (median and 95th
percentile). The last line is one JSON object.

    .venv/bin/python bench/training.py [--trainees 1000000] [--repeat 20]
"""

import argparse
import json
import random
import shutil
import time
from datetime import date, timedelta

from inprocess import fresh_django, signed_in, time_pages

WORK = fresh_django("sanad-bench-training-")

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import Role, User  # noqa: E402
from core.reference import GOVERNORATES  # noqa: E402
from training.models import (  # noqa: E402
    AgeBand,
    Attendance,
    Cohort,
    Course,
    Enrolment,
    EnrolmentStatus,
    Session,
    Sex,
    TargetGroup,
    Trainee,
)

PER_COHORT = 50
SESSIONS = 5
BATCH = 20_000


def seed(trainees: int) -> dict:
    rng = random.Random(7)
    codes = [code for code, _ar, _en in GOVERNORATES]
    trainers = [
        User.objects.create_user(f"bench-trainer-{n}", role=Role.TRAINER) for n in range(200)
    ]
    courses = [
        Course.objects.create(
            code=f"course-{n}",
            title_ar=f"دورة {n}",
            title_en=f"Course {n}",
            programme="-",
            hours=12,
        )
        for n in range(10)
    ]
    cohorts_needed = trainees // PER_COHORT
    start = date(2026, 1, 1)
    with transaction.atomic():
        cohorts = Cohort.objects.bulk_create(
            [
                Cohort(
                    course=courses[n % len(courses)],
                    governorate_id=codes[n % len(codes)],
                    venue="قاعة",
                    starts_on=start + timedelta(days=n % 300),
                    ends_on=start + timedelta(days=n % 300 + 20),
                    trainer=trainers[n % len(trainers)],
                    capacity=PER_COHORT,
                    enrolled=PER_COHORT,
                )
                for n in range(cohorts_needed)
            ],
            batch_size=BATCH,
        )
        sessions = Session.objects.bulk_create(
            [
                Session(cohort=c, position=p, starts_at=timezone.now())
                for c in cohorts
                for p in range(1, SESSIONS + 1)
            ],
            batch_size=BATCH,
        )
    groups, sexes, bands = list(TargetGroup.values), list(Sex.values), list(AgeBand.values)
    made = 0
    session_ids = [s.pk for s in sessions]
    while made < trainees:
        size = min(BATCH, trainees - made)
        with transaction.atomic():
            people = Trainee.objects.bulk_create(
                [
                    Trainee(
                        name="متدرب",
                        sex=sexes[(made + k) % 2],
                        target_group=groups[(made + k) % len(groups)],
                        governorate_id=codes[(made + k) % len(codes)],
                        birth_year=1950 + (made + k) % 55,
                    )
                    for k in range(size)
                ],
                batch_size=BATCH,
            )
            enrolments, marks = [], []
            for k, person in enumerate(people):
                number = made + k
                cohort = cohorts[number // PER_COHORT]
                enrolments.append(
                    Enrolment(
                        cohort=cohort,
                        trainee=person,
                        status=EnrolmentStatus.COMPLETED
                        if number % 3
                        else EnrolmentStatus.ENROLLED,
                        enrolled_by=trainers[0],
                        course_id=cohort.course_id,
                        governorate_id=person.governorate_id,
                        target_group=person.target_group,
                        sex=person.sex,
                        age_band=bands[number % 4],
                        starts_on=cohort.starts_on,
                    )
                )
                first = (number // PER_COHORT) * SESSIONS
                marks.extend(
                    Attendance(
                        session_id=session_ids[first + p],
                        trainee=person,
                        present=rng.random() < 0.85,
                        marked_by=trainers[0],
                    )
                    for p in range(SESSIONS)
                )
            Enrolment.objects.bulk_create(enrolments, batch_size=BATCH)
            Attendance.objects.bulk_create(marks, batch_size=BATCH)
        made += size
        if made % 200_000 == 0:
            print(f"  {made:,} trainees", flush=True)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # the steady state autovacuum keeps
    return {
        "trainees": trainees,
        "cohorts": len(cohorts),
        "attendance_marks": trainees * SESSIONS,
        "trainer": trainers[0],
        "session": session_ids[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainees", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    started = time.perf_counter()
    seeded = seed(args.trainees)
    print(
        f"seeded {seeded['trainees']:,} trainees, {seeded['cohorts']:,} cohorts, "
        f"{seeded['attendance_marks']:,} attendance marks in {time.perf_counter() - started:.0f} s"
    )
    figures = {k: v for k, v in seeded.items() if isinstance(v, int) and k != "session"}
    central = signed_in(User.objects.create_user("bench-central", role=Role.CENTRAL_OFFICER))
    trainer = signed_in(seeded["trainer"])
    pages = {
        "reach_dashboard": (central, "/training/dashboard/"),
        "reach_dashboard_one_year": (
            central,
            "/training/dashboard/?start=2026-01-01&end=2026-06-30",
        ),
        "cohort_roster": (trainer, f"/training/sessions/{seeded['session']}/"),
    }
    figures |= time_pages(pages, args.repeat)
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    try:
        main()
    finally:
        shutil.rmtree(WORK, ignore_errors=True)
