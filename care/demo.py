"""Nurseries and care homes for the demo: licensed ones across the country, and in
Alexandria one licensed, one suspended after a serious violation, and a nursery applying
whose inspection waits for the demo inspector today."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from care import inspections, licensing
from care.inspections import Finding
from care.models import Facility, FacilityKind, Fee, LicenceApplication, Score, Severity, Stage

KINDS = list(FacilityKind)
NAMES = (
    ("حضانة براعم النور", "Baraem El Nour Nursery"),
    ("دار الرحمة لرعاية الأيتام", "Al-Rahma Children's Home"),
    ("دار السعادة للمسنين", "Al-Saada Elderly Home"),
    ("مركز الأمل لرعاية ذوي الإعاقة", "Al-Amal Disability Care Centre"),
)


def _facility(index: int, governorate: str) -> Facility:
    kind = KINDS[index % len(KINDS)]
    name_ar, name_en = NAMES[index % len(NAMES)]
    return Facility.objects.create(
        kind=kind,
        name_ar=f"{name_ar} {index + 1}",
        name_en=f"{name_en} {index + 1}",
        governorate_id=governorate,
        address=f"{index + 3} شارع الجمهورية",
        capacity=40 + 10 * (index % 5),
        age_groups={"0-2": 15, "2-4": 25} if kind == FacilityKind.NURSERY else {},
    )


def _through(
    facility: Facility, officer: User, inspector: User, *, decide: bool = True, due_in_days=2
):
    application = licensing.apply(facility, by=officer)
    licensing.review_documents(application, by=officer, complete=True)
    licensing.record_fee(application, by=officer, fee=Fee.PAID, reference="DEMO")
    inspection = licensing.schedule_inspection(
        application,
        by=officer,
        inspector=inspector,
        due_on=timezone.localdate() + timedelta(days=due_in_days),
    )
    if not decide:
        return inspection
    answers = {i.pk: (Score.MET, "") for i in inspections.checklist(facility)}
    inspections.record(inspection, by=inspector, answers=answers, findings=[])
    licensing.decide(application, "licence", by=officer)
    return inspection


def seed_facilities() -> int:
    if Facility.objects.exists():
        return Facility.objects.count()
    officer = User.objects.get(username="officer_alex")
    inspector = User.objects.get(username="inspector")
    for index, governorate in enumerate(["01", "03", "12", "16", "21", "26"] * 3):
        # Elsewhere the demo has no inspector: the licence is written as already issued.
        facility = _facility(index, governorate)
        application = LicenceApplication.objects.create(
            facility=facility, submitted_by=officer, stage=Stage.DECIDED, fee=Fee.PAID
        )
        licensing._issue(application, conditional=False)
    licensed = _facility(100, "02")
    _through(licensed, officer, inspector)
    suspended = _facility(101, "02")
    visit = _through(suspended, officer, inspector)
    follow_up = inspections.schedule_follow_up(
        visit, by=officer, inspector=inspector, due_on=timezone.localdate()
    )
    inspections.record(
        follow_up,
        by=inspector,
        answers={i.pk: (Score.MET, "") for i in inspections.checklist(suspended)},
        findings=[
            Finding(
                Severity.SERIOUS,
                "غاز الطهي بجوار غرفة نوم الأطفال دون تهوية",
                timezone.localdate() + timedelta(days=3),
            )
        ],
    )
    licensing.suspend(suspended, by=officer, reason="خطر غاز على الأطفال حتى التصحيح")
    # A nursery applying: its inspection waits for the demo inspector, today.
    waiting = _facility(KINDS.index(FacilityKind.NURSERY) + 4 * 26, "02")
    _through(waiting, officer, inspector, decide=False, due_in_days=0)
    return Facility.objects.count()
