"""Queue periodic jobs for the task worker.

Each job is queued when none of its kind waits in the queue and its interval has
passed since it was last queued, so several schedulers (one per app server) never
pile up copies; the jobs themselves are safe to run twice.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone
from django_tasks_db.models import DBTaskResult


@dataclass(frozen=True)
class Job:
    task: object  # a django_tasks Task
    every: timedelta


def _path(job: Job) -> str:
    return job.task.module_path


def due(job: Job, now) -> bool:
    queued = DBTaskResult.objects.filter(task_path=_path(job))
    if queued.filter(status="READY").exists():
        return False
    last = queued.order_by("-enqueued_at").values_list("enqueued_at", flat=True).first()
    return last is None or now - last >= job.every


def tick(jobs: list[Job], now=None) -> list[str]:
    """Queue every job that is due; returns the paths queued."""
    now = now or timezone.now()
    queued = []
    for job in jobs:
        if due(job, now):
            job.task.enqueue()
            queued.append(_path(job))
    return queued
