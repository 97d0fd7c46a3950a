"""What people learned: tests scored from the question bank, completion by the course's
rules, certificates that can be checked and revoked, and the learning gain."""

import secrets
from dataclasses import dataclass
from enum import StrEnum

from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
from training.people import refuse_if_closed

QUESTIONS_PER_TEST = 10
_CODE_LETTERS = "ACDEFGHJKLMNPQRTUVWXY3469"  # no look-alikes (0/O, 1/I, 2/Z, 5/S, 8/B)


class ResultError(StrEnum):
    ALREADY_TAKEN = "already_taken"
    UNANSWERED = "unanswered"
    REASON_REQUIRED = "reason_required"
    EARLY = "early"


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
    refuse_if_closed(enrolment.cohort)
    score = _score(questions, answers)
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


def correct_test(
    result: TestResult, answers: dict[int, int], *, by: User, reason: str
) -> TestResult:
    """Score a test again from corrected answers (tapped wrongly on the tablet, say), with
    why; the score before is kept in the audit log. Not once the cohort is closed."""
    if not reason.strip():
        raise ActionError(
            ResultError.REASON_REQUIRED, _("Say why the result is corrected."), field="reason"
        )
    with transaction.atomic():
        result = (
            TestResult.objects.select_for_update()
            .select_related("enrolment__cohort")
            .get(pk=result.pk)
        )
        refuse_if_closed(result.enrolment.cohort)
        questions = questions_for(result.enrolment)
        if not questions or any(q.pk not in answers for q in questions):
            raise ActionError(ResultError.UNANSWERED, _("Answer every question."))
        before = result.score
        result.score = _score(questions, answers)
        result.answers = {str(k): v for k, v in answers.items()}
        result.corrected_at, result.correction_reason = timezone.now(), reason.strip()
        result.save(update_fields=["score", "answers", "corrected_at", "correction_reason"])
        audit.record(
            "training.test_corrected",
            actor=by,
            obj=result.enrolment.cohort,
            reason=reason,
            data={
                "trainee": result.enrolment.trainee_id,
                "kind": result.kind,
                "from": before,
                "to": result.score,
            },
        )
    return result


def _score(questions, answers) -> int:
    right = sum(1 for q in questions if answers[q.pk] == q.correct)
    return round(100 * right / len(questions))


@dataclass(frozen=True)
class Standing:
    """Whether one trainee qualifies for a certificate, and if not, why."""

    enrolment: Enrolment
    attended: int
    sessions: int
    post_score: int | None
    reasons: list[str]

    @property
    def qualifies(self) -> bool:
        return not self.reasons


def standings(cohort: Cohort) -> list[Standing]:
    """Everyone holding a place in the cohort, with the course's two conditions checked:
    attendance and the test after the course."""
    course = cohort.course
    sessions = cohort.sessions.count()
    enrolments = (
        cohort.enrolments.filter(status=EnrolmentStatus.ENROLLED)
        .select_related("trainee")
        .annotate(
            attended=Count(
                "trainee__attendance",
                filter=Q(
                    trainee__attendance__session__cohort=cohort,
                    trainee__attendance__present=True,
                ),
            )
        )
        .order_by("trainee__name")
    )
    posts = dict(
        TestResult.objects.filter(enrolment__cohort=cohort, kind=TestKind.POST).values_list(
            "enrolment_id", "score"
        )
    )
    found = []
    for enrolment in enrolments:
        reasons, post = [], posts.get(enrolment.pk)
        if not sessions or 100 * enrolment.attended < course.attendance_needed * sessions:
            reasons.append(
                ngettext(
                    "attended %(attended)s of %(sessions)s session; %(needed)s%% is needed",
                    "attended %(attended)s of %(sessions)s sessions; %(needed)s%% are needed",
                    sessions,
                )
                % {
                    "attended": enrolment.attended,
                    "sessions": sessions,
                    "needed": course.attendance_needed,
                }
            )
        if post is None:
            reasons.append(_("has not taken the test after the course"))
        elif post < course.pass_mark:
            reasons.append(
                _("scored %(score)s%% after the course; the pass mark is %(mark)s%%")
                % {"score": post, "mark": course.pass_mark}
            )
        found.append(Standing(enrolment, enrolment.attended, sessions, post, reasons))
    return found


def sessions_to_come(cohort: Cohort, now=None) -> int:
    """Sessions of the cohort on a later day than today."""
    today = timezone.localdate(now)
    return sum(1 for s in cohort.sessions.all() if timezone.localtime(s.starts_at).date() > today)


def complete(cohort: Cohort, *, by: User, reason: str = "") -> list[Certificate]:
    """Close the cohort, once: those who attended enough and passed the test after the
    course complete it and get a certificate. Before its last session, only with the
    trainer's reason."""
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().select_related("course").get(pk=cohort.pk)
        refuse_if_closed(cohort)
        if sessions_to_come(cohort) and not reason.strip():
            raise ActionError(
                ResultError.EARLY,
                _("Sessions are still to come: say why the cohort closes before its last one."),
                field="reason",
            )
        issued = []
        for standing in standings(cohort):
            if not standing.qualifies:
                continue
            enrolment = standing.enrolment
            enrolment.status = EnrolmentStatus.COMPLETED
            enrolment.save(update_fields=["status"])
            issued.append(
                Certificate.objects.create(
                    enrolment=enrolment, code=_new_code(), issued_on=timezone.localdate()
                )
            )
        cohort.closed_at, cohort.closed_by, cohort.closing_reason = (
            timezone.now(),
            by,
            reason.strip(),
        )
        cohort.save(update_fields=["closed_at", "closed_by", "closing_reason"])
        audit.record(
            "training.cohort_completed",
            actor=by,
            obj=cohort,
            reason=reason,
            data={"certificates": len(issued)},
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
