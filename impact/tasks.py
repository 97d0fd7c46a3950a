"""The impact module's background job, queued by `manage.py schedule_jobs`."""

from django_tasks import task

from impact import rollup


@task()
def rebuild_rollup() -> dict:
    """Recompute the public figures' partial sums from the verified values."""
    return {"cells": rollup.rebuild()}
