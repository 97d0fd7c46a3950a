import time
from datetime import timedelta

from django.core.management.base import BaseCommand

from care import tasks as care_tasks
from complaints import tasks
from core import tasks as core_tasks
from core.scheduling import Job, tick
from impact import tasks as impact_tasks
from triage import tasks as triage_tasks

JOBS = [
    # New cases are read within seconds: a possibly critical one alerts its directorate.
    Job(triage_tasks.triage_new_cases, timedelta(seconds=5)),
    Job(tasks.deliver_outbox, timedelta(seconds=30)),
    Job(tasks.escalate_cases, timedelta(minutes=5)),
    Job(tasks.refresh_statistics, timedelta(minutes=10)),
    Job(care_tasks.remind_renewals, timedelta(hours=24)),
    # The public results figures are at most a few minutes behind the verified values.
    Job(impact_tasks.rebuild_rollup, timedelta(minutes=5)),
    Job(core_tasks.forget_stale_held_uploads, timedelta(hours=6)),
]


class Command(BaseCommand):
    help = (
        "Queue the periodic background jobs (triage, outbox delivery, escalation, statistics, "
        "renewal reminders, results figures) "
        "for "
        "`manage.py db_worker`. --loop keeps queueing them on time."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true")
        parser.add_argument("--interval", type=float, default=5.0)

    def handle(self, *args, **options):
        while True:
            for path in tick(JOBS):
                self.stdout.write(f"queued {path}")
            if not options["loop"]:
                return
            time.sleep(options["interval"])
