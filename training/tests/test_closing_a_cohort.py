"""Closing a cohort issues its certificates once, after the trainer has seen who will
get one and who will not and why; before the last session only with a reason. Results
are corrected with a reason; attendance waits for the session's day."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.errors import ActionError
from core.models import AuditEntry
from training import people, results
from training.models import Competence, EnrolmentStatus, Question, Session

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(cohort):
    competence = Competence.objects.create(code="basic", name_ar="أساسي", name_en="Basic")
    cohort.course.competences.add(competence)
    return [
        Question.objects.create(
            competence=competence,
            text_ar=f"سؤال {n}",
            text_en=f"Question {n}",
            choices=[{"ar": "نعم", "en": "Yes"}, {"ar": "لا", "en": "No"}],
            correct=n % 2,
        )
        for n in range(4)
    ]


@pytest.fixture
def two_trainees(cohort, trainer, bank):
    """Mona attended every session and passed; Ali came once and took no test."""
    mona, _ = people.register(
        by=trainer, national_id="29001010112345", name="منى", sex="female",
        target_group="beneficiary", governorate_id="02",
    )  # fmt: skip
    ali, _ = people.register(
        by=trainer, national_id="29001010112351", name="علي", sex="male",
        target_group="beneficiary", governorate_id="02",
    )  # fmt: skip
    mona_place = people.enrol(cohort, mona, by=trainer)
    people.enrol(cohort, ali, by=trainer)
    results.take_test(mona_place, "post", {q.pk: q.correct for q in bank}, by=trainer)
    for session in cohort.sessions.all():
        marks = {mona.pk: True, ali.pk: session.position == 1}
        people.mark_attendance(session, marks, by=trainer, key=f"k{session.pk}")
    return mona, ali


def test_closing_is_asked_first_with_who_qualifies_and_why_not(
    client, sign_in, cohort, trainer, two_trainees
):
    url = reverse("training:complete", args=[cohort.pk])
    page = sign_in(client, trainer).get(url).content.decode()
    assert "منى" in page and "علي" in page
    assert "حضر 1 من 3 جلسات" in page and "لم يؤدِّ اختبار ما بعد الدورة" in page
    refused = client.post(url, {}).content.decode()
    assert "ضع علامة في المربع للتأكيد" in refused
    # The summary names the box briefly, not by its whole sentence.
    assert "<bdi>التأكيد</bdi>" in refused
    assert not cohort.enrolments.filter(status=EnrolmentStatus.COMPLETED).exists()
    done = client.post(url, {"confirm": "on"}, follow=True).content.decode()
    assert "أُغلقت المجموعة وصدرت شهادة واحدة." in done
    again = client.post(url, {"confirm": "on"}, follow=True).content.decode()
    assert "أُغلقت هذه المجموعة يوم" in again  # once, not twice
    assert cohort.enrolments.filter(status=EnrolmentStatus.COMPLETED).count() == 1


def test_before_the_last_session_only_with_a_reason(cohort, trainer, two_trainees):
    Session.objects.create(cohort=cohort, position=4, starts_at=timezone.now() + timedelta(days=7))
    with pytest.raises(ActionError) as early:
        results.complete(cohort, by=trainer)
    assert early.value.code == "early"
    results.complete(cohort, by=trainer, reason="أُلغيت القاعة لبقية الشهر")
    cohort.refresh_from_db()
    assert cohort.is_closed and cohort.closing_reason == "أُلغيت القاعة لبقية الشهر"


def test_attendance_waits_for_the_sessions_day_and_stops_at_closing(cohort, trainer, two_trainees):
    mona, _ali = two_trainees
    later = Session.objects.create(
        cohort=cohort, position=4, starts_at=timezone.now() + timedelta(days=2)
    )
    with pytest.raises(ActionError) as future:
        people.mark_attendance(later, {mona.pk: True}, by=trainer, key="future")
    assert future.value.code == "future_session"
    later.delete()
    results.complete(cohort, by=trainer)
    with pytest.raises(ActionError) as closed:
        people.mark_attendance(
            Session.objects.filter(cohort=cohort).first(), {}, by=trainer, key="late"
        )
    assert closed.value.code == "cohort_closed"


def test_a_certified_trainee_stays_on_the_roster_and_in_the_list(
    client, sign_in, cohort, trainer, two_trainees
):
    results.complete(cohort, by=trainer)
    sign_in(client, trainer)
    roster = client.get(reverse("training:roster", args=[cohort.sessions.first().pk]))
    assert "منى" in roster.content.decode() and "حاصل على الشهادة" in roster.content.decode()
    page = client.get(reverse("training:cohort", args=[cohort.pk])).content.decode()
    code = cohort.enrolments.get(status=EnrolmentStatus.COMPLETED).certificate.code
    assert code in page and "الشهادات الصادرة" in page


def test_a_result_is_corrected_with_a_reason_and_the_change_is_audited(
    client, sign_in, cohort, trainer, bank, two_trainees
):
    mona, _ = two_trainees
    enrolment = cohort.enrolments.get(trainee=mona)
    url = reverse("training:test", args=[enrolment.pk, "post"])
    wrong = {f"q{q.pk}": 1 - q.correct for q in bank}
    sign_in(client, trainer)
    refused = client.post(url, wrong).content.decode()
    assert "توجد مشكلة" in refused and enrolment.tests.get().score == 100
    client.post(url, {**wrong, "reason": "اختيرت الإجابات بالخطأ على الجهاز"})
    result = enrolment.tests.get()
    assert result.score == 0 and result.correction_reason
    entry = AuditEntry.objects.get(action="training.test_corrected")
    assert entry.data["from"] == 100 and entry.data["to"] == 0


def test_a_roster_saved_says_so(client, sign_in, cohort, trainer, two_trainees):
    session = cohort.sessions.first()
    sign_in(client, trainer)
    response = client.post(
        reverse("training:roster", args=[session.pk]),
        {"form": "roster", "key": "phone-1", "present": [two_trainees[0].pk]},
        follow=True,
    )
    assert "حُفظ حضور الجلسة 1: حضر شخص واحد." in response.content.decode()
