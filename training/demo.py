"""The programme for the demo: a digital-literacy course with its question bank, and a
cohort in Alexandria taught by the demo trainer, eight people enrolled, the first session
marked."""

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
    return Course.objects.count()
