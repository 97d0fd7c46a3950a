"""The care module's background job, queued daily by `manage.py schedule_jobs`."""

from django.utils import timezone
from django_tasks import task

from care import licensing


@task()
def remind_renewals() -> dict:
    """Remind operators whose licence ends within 60 days (each once)."""
    return {"reminded": licensing.remind_renewals(timezone.localdate())}
