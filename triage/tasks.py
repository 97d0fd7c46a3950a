"""The triage's background job, queued every few seconds by `manage.py schedule_jobs`."""

from django_tasks import task

from triage import intake


@task()
def triage_new_cases() -> dict:
    """Read the cases filed since the last run."""
    return {"triaged": intake.triage_waiting()}
