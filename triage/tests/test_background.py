"""The triage as production runs it: the scheduler queues the job, the worker runs it.
The worker closes its database connection after each task, so the data is committed."""

import pytest
from django.core.management import call_command

from complaints import actions
from complaints.models import Category, Channel, Urgency
from core.models import Governorate
from triage.models import Proposal

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_scheduled_job_reads_new_cases_in_the_background(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    case = actions.submit_case(
        actions.CaseInput(
            category=Category.objects.get(code="cash_support"),
            description="بيتنا اتحرق امبارح ومعناش مكان نبات فيه",
            governorate=Governorate.objects.get(code="02"),
        ),
        channel=Channel.WEB,
    ).case
    assert not Proposal.objects.filter(case=case).exists()  # filing did not wait for it
    call_command("schedule_jobs", verbosity=0)
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    case.refresh_from_db()
    assert case.triage.possibly_critical and case.urgency == Urgency.CRITICAL
