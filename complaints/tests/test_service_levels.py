from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from accounts.models import Role
from complaints import actions, service_levels
from complaints.models import Case, Queue, Status
from complaints.sla import add_working_time, working_time_between

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(make_user):
    return make_user(Role.DIRECTORATE_OFFICER, governorate="02")


def test_a_new_case_gets_due_dates_in_working_time(new_case):
    case = new_case().case
    holidays = service_levels.holidays()
    assert working_time_between(case.received_at, case.first_response_due, holidays) == timedelta(
        hours=14
    )
    assert working_time_between(case.received_at, case.resolution_due, holidays) == timedelta(
        hours=70
    )


def test_waiting_for_the_citizen_stops_the_clock(new_case, officer):
    case = new_case().case
    actions.assign(case, by=officer, reason="x")
    actions.change_status(case, Status.WAITING_FOR_CITIZEN, by=officer, reason="صورة البطاقة")
    case.refresh_from_db()
    due_before = case.resolution_due
    assert service_levels.state(case) == service_levels.SlaState.PAUSED
    # The citizen took three working days (21 working hours) to answer.
    started = timezone.now() - timedelta(days=7)
    Case.objects.filter(pk=case.pk).update(waiting_since=started)
    actions.change_status(case, Status.IN_PROGRESS, by=officer, reason="وصل الرد")
    case.refresh_from_db()
    waited = working_time_between(started, timezone.now(), service_levels.holidays())
    moved = working_time_between(due_before, case.resolution_due, service_levels.holidays())
    # The test reads the clock a moment after the action did: during working hours that
    # moment is working time too.
    assert abs(moved - waited) < timedelta(seconds=1)
    assert waited > timedelta(hours=1)  # the deadline did move
    assert case.waiting_since is None


def _age(case, *, working_hours_overdue):
    """Move the answer deadline into the past by a number of working hours."""
    now = timezone.now()
    due = now
    while working_time_between(due, now, service_levels.holidays()) < timedelta(
        hours=working_hours_overdue
    ):
        due -= timedelta(hours=1)
    Case.objects.filter(pk=case.pk).update(resolution_due=due)


def test_escalation_rises_once_per_level_and_tells_the_right_people(
    new_case, officer, make_user, django_capture_on_commit_callbacks
):
    head = make_user(Role.DIRECTORATE_OFFICER, governorate="02")
    Queue.objects.filter(code="directorate-02").update(head=head)
    central_head = make_user(Role.CENTRAL_OFFICER)
    Queue.objects.filter(code="central-complaints").update(head=central_head)
    case = new_case().case
    actions.assign(case, by=officer, assignee=officer, reason="x")

    _age(case, working_hours_overdue=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert service_levels.escalate() == 1
        assert service_levels.escalate() == 0  # safe to run twice
    case.refresh_from_db()
    assert case.escalation_level == 2 and service_levels.state(case) == "breached"
    assert [m.to for m in mail.outbox] == [[head.email]]

    _age(case, working_hours_overdue=71)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("escalate_cases")
    case.refresh_from_db()
    assert case.escalation_level == 3
    assert mail.outbox[-1].to == [central_head.email]
    assert case.timeline.filter(visibility="staff").count() == 3  # assigned, breach, central


def test_a_case_nearly_due_warns_its_assignee(
    new_case, officer, django_capture_on_commit_callbacks
):
    case = new_case().case
    actions.assign(case, by=officer, assignee=officer, reason="x")
    # 5 of the 70 working hours left: past three quarters.
    Case.objects.filter(pk=case.pk).update(
        resolution_due=add_working_time(timezone.now(), timedelta(hours=5))
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert service_levels.escalate() == 1
    case.refresh_from_db()
    assert case.escalation_level == 1 and mail.outbox[0].to == [officer.email]


def test_the_citizen_is_told_of_a_public_reply_in_their_language(
    new_case, officer, sms_outbox, django_capture_on_commit_callbacks
):
    arabic = new_case().case
    english = new_case(preferred_language="en").case
    sms_outbox.clear()  # the numbers sent at filing
    with django_capture_on_commit_callbacks(execute=True):
        for case in (arabic, english):
            actions.assign(case, by=officer, reason="x")
            actions.reply(case, "تم حل المشكلة", by=officer, final=True)
    assert len(sms_outbox) == 2
    assert sms_outbox[0][0] == "+201001234567" and "جديد شكواك" in sms_outbox[0][1]
    assert "حالة شكواك الآن: تم الرد" in sms_outbox[0][1]
    assert "your case" in sms_outbox[1][1] and "Answered" in sms_outbox[1][1]
    arabic.refresh_from_db()
    assert arabic.first_response_at is not None


def test_staff_notes_tell_the_citizen_nothing(
    new_case, officer, sms_outbox, django_capture_on_commit_callbacks
):
    case = new_case().case
    sms_outbox.clear()  # the number sent at filing
    with django_capture_on_commit_callbacks(execute=True):
        actions.add_note(case, "ملاحظة داخلية", by=officer)
        actions.assign(case, by=officer, reason="x")
    assert sms_outbox == []
