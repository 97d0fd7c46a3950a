from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from complaints import actions
from complaints.models import Case, Status, Visibility

pytestmark = pytest.mark.django_db
URL = reverse("complaints:track")


@pytest.fixture
def answered(new_case, make_user):
    submitted = new_case()
    officer = make_user(Role.DIRECTORATE_OFFICER, governorate="02")
    case = submitted.case
    actions.assign(case, by=officer, assignee=officer, reason="للمتابعة")
    actions.add_note(case, "المواطن له ملف سابق في الوحدة", by=officer)
    actions.reply(case, "تم صرف المستحقات المتأخرة اليوم.", by=officer, final=True)
    return submitted


def _track(client, submitted, **extra):
    return client.post(
        URL, {"number": submitted.case.tracking_number, "token": submitted.token, **extra}
    )


def test_the_page_shows_status_and_public_replies_only(client, answered):
    page = _track(client, answered).content.decode()
    assert "تم الرد" in page and "تم صرف المستحقات المتأخرة اليوم." in page
    assert "ملف سابق" not in page  # an internal note
    assert "منى" not in page and "1001234567" not in page and "2900101" not in page


def test_a_wrong_code_or_number_shows_nothing(client, answered):
    page = client.post(URL, {"number": answered.case.tracking_number, "token": "guess"})
    assert page.context["case"] is None and "لا توجد حالة بهذا الرقم" in page.content.decode()
    mistyped = answered.case.tracking_number[:-1] + str(
        (int(answered.case.tracking_number[-1]) + 1) % 10
    )
    page = client.post(URL, {"number": mistyped, "token": answered.token})
    assert "هذا ليس رقم متابعة" in page.content.decode()


def test_the_citizen_rates_the_answer_once(client, answered):
    _track(client, answered, action="rate", score="4")
    assert Case.objects.get().satisfaction == 4
    page = _track(client, answered).content.decode()
    assert "أرسل تقييمي" not in page


def test_the_citizen_reopens_within_fourteen_days(client, answered):
    _track(client, answered, action="reopen", reason="لم يصلني المبلغ كاملًا")
    case = Case.objects.get()
    assert case.status == Status.REOPENED
    assert case.timeline.filter(visibility=Visibility.PUBLIC, to_status=Status.REOPENED).exists()


def test_reopening_after_fourteen_days_is_refused_with_a_reason(client, answered):
    Case.objects.update(answered_at=timezone.now() - timedelta(days=15))
    response = _track(client, answered, action="reopen", reason="ما زالت المشكلة")
    assert "خلال 14 يومًا" in response.content.decode()
    assert Case.objects.get().status == Status.ANSWERED
