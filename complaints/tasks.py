"""The complaints module's background jobs, run by the worker (`manage.py db_worker`)."""

from django_tasks import task

from complaints import outbox, service_levels, statistics


@task()
def deliver_outbox() -> dict:
    """Send what the national platform is owed (retries wait for their back-off)."""
    delivered, failed = outbox.deliver_due()
    return {"delivered": delivered, "failed": failed}


@task()
def escalate_cases() -> dict:
    """Warn and escalate by the service-level clock; safe to run twice."""
    return {"escalated": service_levels.escalate()}


@task()
def refresh_statistics() -> dict:
    """Recompute the published figures of the latest months."""
    return {"months": statistics.refresh()}
