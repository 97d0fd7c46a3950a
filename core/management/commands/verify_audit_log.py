from django.core.management.base import BaseCommand, CommandError

from core.audit import verify_chain
from core.models import AuditChainHead


class Command(BaseCommand):
    help = "Walk the audit log's hash chain and report any edited, removed or reordered entry."

    def handle(self, *args, **options):
        problems = [str(problem) for problem in verify_chain()]
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"The audit log has been tampered with: {len(problems)} problem(s).")
        head = AuditChainHead.objects.filter(id=1).first()
        count = head.seq if head else 0
        self.stdout.write(self.style.SUCCESS(f"The audit log is intact: {count} entries verified."))
