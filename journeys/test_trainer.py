"""A trainer takes attendance (a session still to come waits for its day), corrects a
test result tapped wrongly, with why, and closes the cohort after reading who will get a
certificate and who will not; closing before the last session needs a reason."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from journeys.browser import BROWSER_TESTS, DEVICES, Person, say
from training import models as training
from training import people, results
from training.models import Cohort, Competence, Course, EnrolmentStatus, Question, Session

pytestmark = BROWSER_TESTS


@pytest.fixture
def cohort(make_user):
    trainer = make_user(Role.TRAINER)
    competence = Competence.objects.create(code="safety", name_ar="الأمان", name_en="Safety")
    course = Course.objects.create(
        code="digital-safety",
        title_ar="الأمان الرقمي للأسر",
        title_en="Digital safety for families",
        programme="Takaful and Karama families",
        hours=9,
        target_groups=["beneficiary"],
        attendance_needed=60,
    )
    course.competences.add(competence)
    questions = [
        Question.objects.create(
            competence=competence,
            text_ar=f"هل تشارك كلمة المرور رقم {n}؟",
            text_en=f"Do you share password number {n}?",
            choices=[{"ar": "نعم", "en": "Yes"}, {"ar": "لا", "en": "No"}],
            correct=1,
        )
        for n in (1, 2)
    ]
    cohort = Cohort.objects.create(
        course=course,
        governorate_id="02",
        venue="قاعة مديرية الإسكندرية",
        starts_on=timezone.localdate() - timedelta(days=2),
        ends_on=timezone.localdate() + timedelta(days=7),
        trainer=trainer,
        capacity=20,
    )
    now = timezone.now()
    for position, when in ((1, now - timedelta(days=2)), (2, now - timedelta(hours=1))):
        Session.objects.create(cohort=cohort, position=position, starts_at=when)
    Session.objects.create(cohort=cohort, position=3, starts_at=now + timedelta(days=7))
    trainees = []
    for national_id, name, sex in (
        ("28503120201234", "سعاد محمود", "female"),
        ("29107250201457", "كريم عادل", "male"),
    ):
        trainee, _ = people.register(
            by=trainer,
            national_id=national_id,
            name=name,
            sex=sex,
            target_group="beneficiary",
            governorate_id="02",
        )
        place = people.enrol(cohort, trainee, by=trainer)
        results.take_test(place, "post", {q.pk: 1 for q in questions}, by=trainer)
        trainees.append(trainee)
    # Karim's answers were tapped wrongly on the tablet: one of two right.
    karim_result = training.TestResult.objects.get(enrolment__trainee=trainees[1], kind="post")
    results.correct_test(
        karim_result, {questions[0].pk: 1, questions[1].pk: 0}, by=trainer, reason="تجربة"
    )
    return cohort, trainees, questions


@DEVICES
def test_a_trainer_takes_attendance_corrects_a_result_and_closes_the_cohort(
    browser, live_server, device, cohort, signed_in_browser
):
    language = device[0]
    cohort, (suad, karim), questions = cohort
    person = Person(browser, live_server, device, "trainer")
    signed_in_browser(cohort.trainer)
    person.visit("/training/cohorts/")
    person.follow(f"/training/cohorts/{cohort.pk}/")

    # The last session is next week: its roster cannot be taken yet.
    future = cohort.sessions.get(position=3)
    person.follow(f"/training/sessions/{future.pk}/")
    person.sees(say(language, "ويُسجَّل الحضور ابتداءً من ذلك", "attendance is taken from"))
    assert not browser.find_elements("css selector", "form[data-offline-roster] button")

    # Both came to the first two sessions.
    for position in (1, 2):
        session = cohort.sessions.get(position=position)
        person.visit(f"/training/sessions/{session.pk}/")
        person.choose("present", str(suad.pk))
        person.choose("present", str(karim.pk))
        person.press("form[data-offline-roster] button")
        person.sees(say(language, "حُفظ حضور الجلسة", "Attendance of session"))
    assert session.marks.filter(present=True).count() == 2

    # Karim's result corrected: the answer put right, and the reason forgotten at first.
    person.visit(f"/training/cohorts/{cohort.pk}/")
    place = cohort.enrolments.get(trainee=karim)
    person.follow(f"/training/enrolments/{place.pk}/test/post/")
    person.choose(f"q{questions[1].pk}", "1")
    person.press()
    assert say(language, "لماذا", "Why") in person.error_summary()
    person.type("reason", "أجاب شفهيًا إجابة صحيحة وسُجلت خطأً على الجهاز اللوحي")
    person.press()
    assert training.TestResult.objects.get(enrolment=place, kind="post").score == 100

    # Closing: who will get a certificate is shown first; the session still to come
    # needs a reason, and the box must be ticked.
    person.visit(f"/training/cohorts/{cohort.pk}/")
    person.follow(f"/training/cohorts/{cohort.pk}/complete/")
    person.sees("سعاد محمود", "كريم عادل")
    person.press("main form.confirm button")
    summary = person.error_summary()
    assert say(language, "لماذا", "Why") in summary
    person.type("reason", "أُلغيت القاعة لبقية الشهر والمتدربون أتموا المحتوى")
    person.choose("confirm")
    person.press("main form.confirm button")
    person.sees(say(language, "الشهادات الصادرة", "Certificates issued"))
    assert cohort.enrolments.filter(status=EnrolmentStatus.COMPLETED).count() == 2
