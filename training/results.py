"""What people learned: tests scored from the question bank, completion by the course's
rules, certificates that can be checked and revoked, and the learning gain."""

import secrets
from enum import StrEnum

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core import audit
from core.errors import ActionError
from training.models import (
    Certificate,
    Cohort,
    Enrolment,
    EnrolmentStatus,
    Question,
    TestKind,
    TestResult,
)

QUESTIONS_PER_TEST = 10
_CODE_LETTERS = "ACDEFGHJKLMNPQRTUVWXY3469"  # no look-alikes (0/O, 1/I, 2/Z, 5/S, 8/B)


class ResultError(StrEnum):
    ALREADY_TAKEN = "already_taken"
    UNANSWERED = "unanswered"


def questions_for(enrolment: Enrolment) -> list[Question]:
    """The same questions for the test before and after: the gain compares like with like."""
    return list(
        Question.objects.filter(
            competence__in=enrolment.cohort.course.competences.all(), is_active=True
        ).order_by("pk")[:QUESTIONS_PER_TEST]
    )


def take_test(enrolment: Enrolment, kind: str, answers: dict[int, int], *, by: User) -> TestResult:
    """Score the answers (question id → chosen index) against the bank and keep them."""
    questions = questions_for(enrolment)
    if not questions or any(q.pk not in answers for q in questions):
        raise ActionError(ResultError.UNANSWERED, _("Answer every question."))
    right = sum(1 for q in questions if answers[q.pk] == q.correct)
    score = round(100 * right / len(questions))
    try:
        with transaction.atomic():
            result = TestResult.objects.create(
                enrolment=enrolment,
                kind=kind,
                score=score,
                answers={str(k): v for k, v in answers.items()},
            )
            audit.record(
                "training.test_taken",
                actor=by,
                obj=enrolment.cohort,
                data={"trainee": enrolment.trainee_id, "kind": kind, "score": score},
            )
    except IntegrityError:
        raise ActionError(ResultError.ALREADY_TAKEN, _("This test was already taken.")) from None
    return result


def complete(cohort: Cohort, *, by: User) -> list[Certificate]:
    """At the end of the cohort: those who attended enough and passed the post-test have
    completed the course and get a certificate (run twice, it issues nothing twice)."""
    course = cohort.course
    sessions = cohort.sessions.count()
    enrolments = cohort.enrolments.filter(status=EnrolmentStatus.ENROLLED).annotate(
        attended=Count(
            "trainee__attendance",
            filter=Q(
                trainee__attendance__session__cohort=cohort, trainee__attendance__present=True
            ),
        )
    )
    issued = []
    with transaction.atomic():
        for enrolment in enrolments:
            post = enrolment.tests.filter(kind=TestKind.POST).first()
            attended_enough = (
                sessions and 100 * enrolment.attended >= course.attendance_needed * sessions
            )
            if not attended_enough or post is None or post.score < course.pass_mark:
                continue
            enrolment.status = EnrolmentStatus.COMPLETED
            enrolment.save(update_fields=["status"])
            issued.append(
                Certificate.objects.create(
                    enrolment=enrolment, code=_new_code(), issued_on=timezone.localdate()
                )
            )
        audit.record(
            "training.cohort_completed", actor=by, obj=cohort, data={"certificates": len(issued)}
        )
    return issued


def _new_code() -> str:
    return "".join(secrets.choice(_CODE_LETTERS) for _ in range(10))


def revoke(certificate: Certificate, *, by: User, reason: str) -> Certificate:
    with transaction.atomic():
        certificate.revoked_at, certificate.revoked_reason = timezone.now(), reason.strip()
        certificate.save(update_fields=["revoked_at", "revoked_reason"])
        audit.record(
            "training.certificate_revoked",
            actor=by,
            obj=certificate.enrolment.cohort,
            reason=reason,
        )
    return certificate


def learning_gain(enrolments) -> float | None:
    """The average of (post-test − pre-test) over the enrolments that took both."""
    gains = (
        TestResult.objects.filter(enrolment__in=enrolments, kind=TestKind.POST)
        .filter(enrolment__tests__kind=TestKind.PRE)
        .annotate(gain=F("score") - F("enrolment__tests__score"))
        .aggregate(average=Avg("gain"))
    )
    return gains["average"]
