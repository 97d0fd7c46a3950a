"""From course creation to certificate: tests scored from the bank, completion by the
course's rules, a certificate whose text reads right and whose code opens its check."""

import pypdfium2 as pdfium
import pytest
import zxingcpp
from django.urls import reverse

from training import people, results
from training.models import Competence, EnrolmentStatus, Question, TargetGroup

pytestmark = pytest.mark.django_db


@pytest.fixture
def bank(cohort):
    competence = Competence.objects.create(
        code="basic-use", name_ar="الاستخدام الأساسي", name_en="Basic digital use"
    )
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


@pytest.mark.parametrize("group", [g.value for g in TargetGroup])
def test_from_enrolment_to_a_certificate_for_each_group(
    client, sign_in, cohort, trainer, bank, group, settings
):
    trainee, _ = people.register(
        by=trainer, national_id="29001010112345", name="منى عبد الرحمن", sex="female",
        target_group=group, governorate_id="02",
    )  # fmt: skip
    enrolment = people.enrol(cohort, trainee, by=trainer)
    sign_in(client, trainer)
    wrong = {f"q{q.pk}": 1 - q.correct for q in bank}
    right = {f"q{q.pk}": q.correct for q in bank}
    client.post(reverse("training:test", args=[enrolment.pk, "pre"]), wrong)
    client.post(reverse("training:test", args=[enrolment.pk, "post"]), right)
    assert results.learning_gain([enrolment]) == 100
    for session in cohort.sessions.all():
        people.mark_attendance(session, {trainee.pk: True}, by=trainer, key=f"k{session.pk}")
    client.post(reverse("training:complete", args=[cohort.pk]), {"confirm": "on"})
    enrolment.refresh_from_db()
    assert enrolment.status == EnrolmentStatus.COMPLETED
    certificate = enrolment.certificate

    pdf = client.get(reverse("training:certificate", args=[certificate.code])).content
    page = pdfium.PdfDocument(pdf)[0]
    assert "منى عبد الرحمن" in page.get_textpage().get_text_range()
    (code,) = zxingcpp.read_barcodes(page.render(scale=2).to_pil())
    assert code.text == settings.SITE_URL + reverse("training:verify", args=[certificate.code])
    assert (
        "هذه الشهادة سارية"
        in client.get(reverse("training:verify", args=[certificate.code])).content.decode()
    )
    results.revoke(certificate, by=trainer, reason="خطأ في البيانات")
    assert (
        "أُلغيت هذه الشهادة"
        in client.get(reverse("training:verify", args=[certificate.code])).content.decode()
    )


def test_too_little_attendance_or_a_failed_test_gives_no_certificate(cohort, trainer, bank):
    trainee, _ = people.register(
        by=trainer, national_id="29001010112345", name="منى", sex="female",
        target_group="beneficiary", governorate_id="02",
    )  # fmt: skip
    enrolment = people.enrol(cohort, trainee, by=trainer)
    results.take_test(enrolment, "post", {q.pk: q.correct for q in bank}, by=trainer)
    people.mark_attendance(cohort.sessions.first(), {trainee.pk: True}, by=trainer, key="k")
    (standing,) = results.standings(cohort)
    assert standing.reasons == ["حضر 1 من 3 جلسات، والمطلوب 75%"]
    assert results.complete(cohort, by=trainer) == []  # one session of three


def test_a_test_is_taken_once(cohort, trainer, bank):
    trainee, _ = people.register(
        by=trainer, phone="+201001234567", name="منى", sex="female",
        target_group="beneficiary", governorate_id="02",
    )  # fmt: skip
    enrolment = people.enrol(cohort, trainee, by=trainer)
    answers = {q.pk: q.correct for q in bank}
    results.take_test(enrolment, "pre", answers, by=trainer)
    with pytest.raises(Exception, match="من قبل"):
        results.take_test(enrolment, "pre", answers, by=trainer)


def test_the_reach_dashboard_adds_up_and_downloads(client, sign_in, cohort, trainer, make_user):
    from accounts.models import Role

    for n, sex in ((1, "female"), (3, "male")):
        trainee, _ = people.register(
            by=trainer, national_id=f"2900101011234{n}", name=f"شخص {n}", sex=sex,
            target_group="volunteer", governorate_id="02", birth_year=1990,
        )  # fmt: skip
        people.enrol(cohort, trainee, by=trainer)
    sign_in(client, make_user(Role.CENTRAL_OFFICER))
    page = client.get(reverse("training:dashboard")).content.decode()
    assert "الإسكندرية" in page and "<meter" in page
    csv_text = client.get(reverse("training:dashboard"), {"format": "csv"}).content.decode()
    assert "sex,أنثى,1,0" in csv_text and "governorate,الإسكندرية,2,0" in csv_text
    elsewhere = make_user(Role.DIRECTORATE_OFFICER, governorate="01")
    csv_text = sign_in(client, elsewhere).get(reverse("training:dashboard"), {"format": "csv"})
    assert "الإسكندرية" not in csv_text.content.decode()
    assert sign_in(client, trainer).get(reverse("training:dashboard")).status_code == 403
