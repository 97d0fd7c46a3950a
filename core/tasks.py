"""Core's background job, queued by `manage.py schedule_jobs`."""

from django_tasks import task

from core import uploads


@task()
def forget_stale_held_uploads() -> dict:
    """Remove files kept for refused forms that nobody sent again within a day."""
    return {"removed": uploads.forget_stale_held()}
