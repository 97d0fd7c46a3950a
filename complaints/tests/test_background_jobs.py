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


def test_the_scheduler_queues_each_job_once_until_it_is_due_again():
    first = tick(JOBS)
    assert len(first) == 3
    assert tick(JOBS) == []  # already waiting in the queue
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
    assert tick(JOBS) == []  # ran just now: not due yet
    later = timezone.now() + timedelta(minutes=11)
    assert len(tick(JOBS, now=later)) == 3


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
