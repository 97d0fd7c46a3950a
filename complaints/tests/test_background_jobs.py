from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from accounts.models import Role
from complaints import actions
from complaints.management.commands.schedule_jobs import JOBS
from complaints.models import Case
from core.scheduling import tick

# The worker closes its database connection after each task, as it must in production:
# that needs committed data, not a test transaction.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def _queued_in_the_database(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_the_scheduler_queues_each_job_once_until_it_is_due_again():
    first = tick(JOBS)
    assert len(first) == len(JOBS) == 7
    assert tick(JOBS) == []  # already waiting in the queue
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert tick(JOBS) == []  # ran just now: not due yet
    later = timezone.now() + timedelta(minutes=11)
    assert len(tick(JOBS, now=later)) == 5  # all but the daily reminders and the clean-up


def test_escalation_runs_as_a_background_job(new_case, make_user):
    officer = make_user(Role.DIRECTORATE_OFFICER, governorate="02")
    case = new_case().case
    actions.assign(case, by=officer, assignee=officer, reason="x")
    Case.objects.filter(pk=case.pk).update(resolution_due=timezone.now() - timedelta(days=3))
    tick(JOBS)
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    case.refresh_from_db()
    assert case.escalation_level >= 2
    result = DBTaskResult.objects.get(task_path="complaints.tasks.escalate_cases")
    assert result.return_value == {"escalated": 1}


def test_a_message_waits_out_a_gateway_outage_and_is_sent_once(new_case, make_user, sms_outbox):
    from core.notifications import MemorySMSBackend

    officer = make_user(Role.DIRECTORATE_OFFICER, governorate="02")
    case = new_case().case
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert len(sms_outbox) == 1  # the number, sent at filing
    sms_outbox.clear()
    actions.assign(case, by=officer, reason="x")
    MemorySMSBackend.down = True
    actions.reply(case, "تم صرف المستحقات", by=officer, final=True)
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert sms_outbox == []
    waiting = DBTaskResult.objects.get(status="READY", task_path="core.notifications.send_notice")
    assert waiting.run_after > timezone.now()  # retried later, with back-off

    MemorySMSBackend.down = False
    DBTaskResult.objects.filter(pk=waiting.pk).update(run_after=timezone.now())
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert len(sms_outbox) == 1 and "تم صرف المستحقات" in sms_outbox[0][1]


def test_a_change_that_is_not_saved_sends_nothing():
    from django.db import transaction

    from core.notifications import Notice, notify

    with pytest.raises(RuntimeError), transaction.atomic():
        notify(Notice(subject="s", body="b", phone="+201001234567"))
        raise RuntimeError("the change failed")
    assert not DBTaskResult.objects.exists()
