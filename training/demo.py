"""The programme for the demo: a digital-literacy course for families with its question
bank, a cohort of it in Alexandria taught by the demo trainer (eight people enrolled, the
first session marked today) and last month's cohort, closed, with its certificates; and
two courses for association staff, one with a cohort opening next week that the demo
association can enrol its staff in."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from training import people, results
from training.models import Cohort, Competence, Course, Question, Session

COMPETENCES = (
    ("basic-use", "الاستخدام الأساسي", "Basic digital use"),
    ("online-safety", "الأمان على الإنترنت", "Online safety"),
    ("data-protection", "حماية البيانات", "Data protection"),
    ("digital-services", "الخدمات الرقمية", "Digital services"),
    ("data-reporting", "البيانات والتقارير", "Data and reporting"),
)
QUESTIONS = (
    (
        "ما الذي تفعله إذا طلب منك أحد الرقم السري لبطاقتك؟",
        "Someone asks for your card's PIN. What do you do?",
        [("أعطيه له", "Give it"), ("أرفض وأبلغ البنك", "Refuse and tell the bank")],
        1,
    ),
    (
        "أي كلمة مرور أقوى؟",
        "Which password is stronger?",
        [("123456", "123456"), ("Nour-2027-سند!", "Nour-2027-سند!")],
        1,
    ),
    (
        "أين تتابع شكواك بعد تقديمها؟",
        "Where do you follow your complaint after filing it?",
        [
            ("برقم المتابعة على موقع سند", "With the tracking number on Sanad"),
            ("لا يمكن", "You cannot"),
        ],
        0,
    ),
    (
        "رسالة تقول إنك ربحت جائزة وتطلب بياناتك. ماذا تفعل؟",
        "A message says you won a prize and asks for your details.",
        [
            ("أتجاهلها ولا أرسل بياناتي", "Ignore it and send nothing"),
            ("أرسل بياناتي", "Send my details"),
        ],
        0,
    ),
)
NAMES = ("منى", "هالة", "سعاد", "أحمد", "كريم", "نادية", "يوسف", "دينا")


def seed_training() -> int:
    if Course.objects.exists():
        return Course.objects.count()
    trainer = User.objects.get(username="trainer")
    competences = [
        Competence.objects.create(code=code, name_ar=ar, name_en=en) for code, ar, en in COMPETENCES
    ]
    for text_ar, text_en, choices, correct in QUESTIONS:
        Question.objects.create(
            competence=competences[0],
            text_ar=text_ar,
            text_en=text_en,
            choices=[{"ar": ar, "en": en} for ar, en in choices],
            correct=correct,
        )
    course = Course.objects.create(
        code="digital-literacy-families",
        title_ar="محو الأمية الرقمية لأسر تكافل وكرامة",
        title_en="Digital literacy for Takaful and Karama families",
        programme="Digital literacy for beneficiaries",
        hours=12,
        target_groups=["beneficiary"],
    )
    course.competences.add(competences[0], competences[1])
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        course=course,
        governorate_id="02",
        venue="قاعة مديرية التضامن بالإسكندرية",
        starts_on=today,
        ends_on=today + timedelta(days=14),
        trainer=trainer,
        capacity=10,
        self_enrolment=True,
    )
    sessions = [
        Session.objects.create(
            cohort=cohort, position=n, starts_at=timezone.now() + timedelta(days=3 * (n - 1))
        )
        for n in (1, 2, 3)
    ]
    enrolled = []
    for n, name in enumerate(NAMES):
        trainee, _ = people.register(
            by=trainer,
            national_id=f"2{85 + n:02d}0101021{n:03d}"[:14],
            name=f"{name} محمد",
            sex="female" if n % 3 != 2 else "male",
            target_group="beneficiary",
            governorate_id="02",
            birth_year=1975 + 3 * n,
        )
        enrolled.append(people.enrol(cohort, trainee, by=trainer))
    people.mark_attendance(
        sessions[0],
        {e.trainee_id: n != 3 for n, e in enumerate(enrolled)},
        by=trainer,
        key="demo-session-1",
    )
    bank = results.questions_for(enrolled[0])
    for n, enrolment in enumerate(enrolled):
        answers = {q.pk: (q.correct if (q.pk + n) % 2 else 1 - q.correct) for q in bank}
        results.take_test(enrolment, "pre", answers, by=trainer)
    _last_months_cohort(course, trainer, bank)
    _courses_for_association_staff(competences, trainer)
    return Course.objects.count()


def _demo_national_id(n: int) -> str:
    """A well-formed national ID of someone born on 1 January 1990 + n in Alexandria."""
    return f"2{90 + n:02d}0101" + "02" + f"{n + 1:04d}" + "1"


def _last_months_cohort(course, trainer, bank) -> None:
    """Held last month and closed: five of six qualified and have their certificates."""
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        course=course,
        governorate_id="02",
        venue="مركز شباب سيدي بشر",
        starts_on=today - timedelta(days=35),
        ends_on=today - timedelta(days=25),
        trainer=trainer,
        capacity=10,
    )
    sessions = [
        Session.objects.create(
            cohort=cohort, position=n, starts_at=timezone.now() - timedelta(days=38 - 3 * n)
        )
        for n in (1, 2, 3)
    ]
    places = []
    for n, name in enumerate(("سمر", "وفاء", "نجلاء", "حسن", "ماجدة", "رضا")):
        trainee, _ = people.register(
            by=trainer,
            national_id=_demo_national_id(n),
            name=f"{name} عبد الله",
            sex="female" if n % 3 != 2 else "male",
            target_group="beneficiary",
            governorate_id="02",
            birth_year=1990 + n,
        )
        places.append(people.enrol(cohort, trainee, by=trainer))
    for session in sessions:
        marks = {place.trainee_id: n != 5 for n, place in enumerate(places)}
        people.mark_attendance(session, marks, by=trainer, key=f"demo-past-{session.pk}")
    for place in places:
        results.take_test(place, "post", {q.pk: q.correct for q in bank}, by=trainer)
    results.complete(cohort, by=trainer)


# Courses for associations' own staff: code, titles, hours, the competences they build.
ASSOCIATION_STAFF_COURSES = (
    (
        "data-protection-associations",
        "حماية بيانات المستفيدين في الجمعيات",
        "Protecting beneficiaries' data in associations",
        8,
        ("data-protection", "online-safety"),
    ),
    (
        "digital-leadership-associations",
        "القيادة الرقمية لمجالس إدارات الجمعيات",
        "Digital leadership for association boards",
        6,
        ("digital-services", "data-reporting"),
    ),
)


def _courses_for_association_staff(competences, trainer) -> None:
    """What the maturity profile recommends to associations, and a cohort to enrol in."""
    by_code = {competence.code: competence for competence in competences}
    courses = []
    for code, title_ar, title_en, hours, builds in ASSOCIATION_STAFF_COURSES:
        course = Course.objects.create(
            code=code,
            title_ar=title_ar,
            title_en=title_en,
            programme="Digital capacity of associations",
            hours=hours,
            target_groups=["association_staff"],
        )
        course.competences.add(*(by_code[competence] for competence in builds))
        courses.append(course)
    protection = courses[0]
    today = timezone.localdate()
    cohort = Cohort.objects.create(
        course=protection,
        governorate_id="02",
        venue="مديرية التضامن بالإسكندرية، قاعة 2",
        starts_on=today + timedelta(days=7),
        ends_on=today + timedelta(days=14),
        trainer=trainer,
        capacity=20,
    )
    for n in (1, 2):
        Session.objects.create(
            cohort=cohort, position=n, starts_at=timezone.now() + timedelta(days=7 * n)
        )
