"""Screening and review: who judges an application, and what their judgement adds up to.

Every change is one audited action. A reviewer declares, for each application assigned to
them, that they have no conflict of interest before they can open it; a declared conflict
hands the application to the least-loaded other reviewer of the same kind (the fund's own
or from outside).
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from core import audit
from core.errors import ActionError
from fund import notices
from fund.models import (
    SCREENING_OUTCOMES,
    Application,
    ApplicationStatus,
    Assignment,
    Call,
    Criterion,
    ReviewMode,
    Score,
    Stage,
)

# Reviewers "disagree strongly" when their totals (out of 100) are this far apart.
DISAGREEMENT_POINTS = Decimal(20)


class ReviewError(StrEnum):
    NOT_SUBMITTED = "not_submitted"
    BAD_OUTCOME = "bad_outcome"
    NOTE_REQUIRED = "note_required"
    NO_REVIEWER = "no_reviewer"
    NOT_YOURS = "not_yours"
    DECLARE_FIRST = "declare_first"
    BAD_SCORE = "bad_score"
    FINISHED = "finished"
    INCOMPLETE = "incomplete"


def screen(application: Application, outcome: str, *, by: User, note: str = "") -> Application:
    """A fund officer's screening: eligible (to review), not eligible, or more information.
    On a concept note, "eligible" invites the full proposal: the application becomes its
    draft, and the organization writes the rest by the call's closing date."""
    if outcome not in SCREENING_OUTCOMES:
        raise ActionError(
            ReviewError.BAD_OUTCOME, _("Choose eligible, not eligible or ask for more information.")
        )
    if outcome != ApplicationStatus.IN_REVIEW and not note.strip():
        raise ActionError(
            ReviewError.NOTE_REQUIRED, _("Say why: the applicant will read it."), field="note"
        )
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status not in (
            ApplicationStatus.SUBMITTED,
            ApplicationStatus.NEEDS_INFORMATION,
        ):
            raise ActionError(
                ReviewError.NOT_SUBMITTED, _("Only a submitted application can be screened.")
            )
        previous = application.status
        if application.stage == Stage.CONCEPT and outcome == ApplicationStatus.IN_REVIEW:
            application.stage, outcome = Stage.FULL, ApplicationStatus.DRAFT
        application.status, application.screening_note = outcome, note.strip()
        application.save(update_fields=["status", "stage", "screening_note", "updated_at"])
        if outcome == ApplicationStatus.NEEDS_INFORMATION:
            application.information_requests.create(question=note.strip(), asked_by=by)
        audit.record(
            "fund.application_screened",
            actor=by,
            obj=application,
            reason=note,
            data={"from": previous, "to": outcome, "stage": application.stage},
        )
        notices.screened(application)
    return application


def _reviewers_by_load(exclude: set[int], *, external: bool):
    """Reviewers of one kind (the fund's own or outside experts), the least busy first:
    open assignments count, ties by who joined first."""
    return (
        User.objects.filter(role=Role.REVIEWER, is_active=True, is_external_reviewer=external)
        .exclude(pk__in=exclude)
        .annotate(
            load=Count(
                "review_assignments",
                filter=Q(
                    review_assignments__completed_at__isnull=True,
                    review_assignments__conflict_declared_at__isnull=True,
                ),
            )
        )
        .order_by("load", "pk")
    )


def _seats(application: Application, count: int) -> list[bool]:
    """For each reviewer to add, whether they come from outside (True) or from the fund.
    A call reviewed internally takes only the fund's own; one reviewed internally and
    externally has at least one of each before more outside experts are added."""
    if application.call.review_mode == ReviewMode.INTERNAL:
        return [False] * count
    kinds = set(
        application.assignments.filter(conflict_declared_at__isnull=True).values_list(
            "reviewer__is_external_reviewer", flat=True
        )
    )
    missing = [kind for kind in (True, False) if kind not in kinds]
    return (missing + [True] * count)[:count]


def assign_reviewers(application: Application, count: int, *, by: User) -> list[Assignment]:
    """Give the application to ``count`` more reviewers of the kinds its call asks for,
    the least loaded of each kind first."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status != ApplicationStatus.IN_REVIEW:
            raise ActionError(
                ReviewError.NOT_SUBMITTED, _("Only an eligible application goes to review.")
            )
        taken = set(application.assignments.values_list("reviewer_id", flat=True))
        chosen = []
        for external in _seats(application, count):
            reviewer = _reviewers_by_load(taken, external=external).first()
            if reviewer is None:
                raise ActionError(
                    ReviewError.NO_REVIEWER,
                    _("There are not enough free external reviewers for this application.")
                    if external
                    else _("There are not enough free reviewers of the fund for this application."),
                )
            chosen.append(reviewer)
            taken.add(reviewer.pk)
        made = [Assignment.objects.create(application=application, reviewer=r) for r in chosen]
        audit.record(
            "fund.reviewers_assigned",
            actor=by,
            obj=application,
            data={"reviewers": [r.pk for r in chosen]},
        )
        for assignment in made:
            notices.assigned(assignment)
    return made


def _own(assignment: Assignment, by: User) -> Assignment:
    assignment = (
        Assignment.objects.select_for_update().select_related("application").get(pk=assignment.pk)
    )
    if assignment.reviewer_id != by.pk:
        raise ActionError(ReviewError.NOT_YOURS, _("This review is not assigned to you."))
    return assignment


def declare(
    assignment: Assignment, *, by: User, conflict: bool, note: str = ""
) -> Assignment | None:
    """The reviewer's declaration. No conflict opens the application to them; a conflict
    closes it to them for good and returns the new reviewer's assignment (or None when
    nobody is free: the fund officer then assigns by hand)."""
    with transaction.atomic():
        assignment = _own(assignment, by)
        now = timezone.now()
        if not conflict:
            assignment.no_conflict_declared_at = now
            assignment.save(update_fields=["no_conflict_declared_at"])
            audit.record("fund.no_conflict_declared", actor=by, obj=assignment.application)
            return assignment
        assignment.conflict_declared_at, assignment.conflict_note = now, note.strip()
        assignment.save(update_fields=["conflict_declared_at", "conflict_note"])
        audit.record("fund.conflict_declared", actor=by, obj=assignment.application, reason=note)
        taken = set(assignment.application.assignments.values_list("reviewer_id", flat=True))
        replacement = _reviewers_by_load(taken, external=by.is_external_reviewer).first()
        if replacement is None:
            return None
        made = Assignment.objects.create(application=assignment.application, reviewer=replacement)
        audit.record(
            "fund.reviewer_reassigned",
            actor=by,
            obj=assignment.application,
            data={"from": by.pk, "to": replacement.pk},
        )
        notices.assigned(made)
        return made


def score(
    assignment: Assignment, criterion: Criterion, value, *, by: User, comment: str = ""
) -> Score:
    """Enter or change one criterion's score (0 to 10); only after declaring no conflict."""
    with transaction.atomic():
        assignment = _own(assignment, by)
        if not assignment.is_open_to_reviewer:
            raise ActionError(
                ReviewError.DECLARE_FIRST, _("Declare that you have no conflict of interest first.")
            )
        if assignment.completed_at is not None:
            raise ActionError(
                ReviewError.FINISHED, _("This review is finished: its scores can no longer change.")
            )
        if criterion.call_id != assignment.application.call_id:
            raise ActionError(ReviewError.BAD_SCORE, _("This criterion belongs to another call."))
        try:
            value = Decimal(str(value))
        except InvalidOperation:
            value = Decimal(-1)
        if not Decimal(0) <= value <= Decimal(10):
            raise ActionError(ReviewError.BAD_SCORE, _("A score is from 0 to 10."))
        entry, _created = Score.objects.update_or_create(
            assignment=assignment,
            criterion=criterion,
            defaults={"value": value, "comment": comment},
        )
        audit.record(
            "fund.score_entered",
            actor=by,
            obj=assignment.application,
            data={"criterion": criterion.pk, "value": str(value)},
        )
    return entry


def unscored(assignment: Assignment) -> list[Criterion]:
    """The criteria of the call this reviewer has not scored yet."""
    scored = assignment.scores.values("criterion_id")
    return list(assignment.application.call.criteria.exclude(pk__in=scored))


def finish(assignment: Assignment, *, by: User) -> Assignment:
    """The reviewer's judgement is complete: every criterion scored. Only a finished
    review counts in the application's standing and the call's ranking."""
    with transaction.atomic():
        assignment = _own(assignment, by)
        if assignment.completed_at is not None:
            return assignment  # a double click: already finished
        missing = unscored(assignment)
        if missing:
            raise ActionError(
                ReviewError.INCOMPLETE,
                _("Score every criterion before finishing; still to score: %(names)s.")
                % {"names": _(", ").join(str(criterion) for criterion in missing)},
            )
        assignment.completed_at = timezone.now()
        assignment.save(update_fields=["completed_at"])
        audit.record(
            "fund.review_finished",
            actor=by,
            obj=assignment.application,
            data={"total": str(total(assignment))},
        )
    return assignment


def _totals_by_application(**score_filters) -> dict[int, list[Decimal]]:
    """Each reviewer's weighted total out of 100, summed by the database per assignment and
    grouped by application; the one place the rubric's arithmetic lives. A review counts
    once finished, every criterion scored: a partial total would mislead."""
    per_assignment = (
        Score.objects.filter(
            assignment__conflict_declared_at__isnull=True,
            assignment__completed_at__isnull=False,
            **score_filters,
        )
        .values("assignment_id", "assignment__application_id")
        .annotate(points=Sum(F("value") * F("criterion__weight")), weights=Sum("criterion__weight"))
        .order_by("assignment_id")
    )
    totals: dict[int, list[Decimal]] = defaultdict(list)
    for row in per_assignment:
        if row["weights"]:
            totals[row["assignment__application_id"]].append(_out_of_100(row))
    return totals


def _out_of_100(row: dict) -> Decimal:
    """Scores of 0 to 10, weighted by their criteria: the total out of 100."""
    return (Decimal(row["points"]) * 10 / Decimal(row["weights"])).quantize(Decimal("0.1"))


def total(assignment: Assignment) -> Decimal | None:
    """The reviewer's weighted total out of 100, once every criterion is scored."""
    if unscored(assignment):
        return None
    row = assignment.scores.aggregate(
        points=Sum(F("value") * F("criterion__weight")), weights=Sum("criterion__weight")
    )
    return _out_of_100(row) if row["weights"] else None


@dataclass(frozen=True)
class Standing:
    application_id: int
    totals: list[Decimal]
    mean: Decimal | None
    spread: Decimal | None
    # Loaded only for the rows shown (with_applications): a call can have thousands.
    application: Application | None = None

    @property
    def disagreement(self) -> bool:
        return self.spread is not None and self.spread >= DISAGREEMENT_POINTS


def standing(application: Application) -> Standing:
    """Each reviewer's total, their mean and their spread (highest minus lowest)."""
    totals = _totals_by_application(assignment__application=application)
    return replace(_standing_of(application.pk, totals[application.pk]), application=application)


def ranked(call: Call) -> list[Standing]:
    """The call's applications in review, best mean first; unscored ones last.

    Totals are summed by the database, one row per assignment: a call can have thousands
    of applications and three reviewers each.
    """
    totals = _totals_by_application(
        assignment__application__call=call,
        assignment__application__status=ApplicationStatus.IN_REVIEW,
    )
    in_review = call.applications.filter(status=ApplicationStatus.IN_REVIEW).values_list(
        "pk", flat=True
    )
    standings = [_standing_of(pk, sorted(totals.get(pk, []))) for pk in in_review]
    return sorted(standings, key=lambda s: (s.mean is None, -(s.mean or 0), s.application_id))


def with_applications(standings: list[Standing]) -> list[Standing]:
    """The same standings with their applications (and organizations) loaded at once."""
    loaded = Application.objects.select_related("organization").in_bulk(
        [s.application_id for s in standings]
    )
    return [replace(s, application=loaded[s.application_id]) for s in standings]


def _standing_of(application_id: int, totals: list[Decimal]) -> Standing:
    if not totals:
        return Standing(application_id, [], None, None)
    mean = Decimal(statistics.fmean(totals)).quantize(Decimal("0.1"))
    return Standing(application_id, totals, mean, max(totals) - min(totals))
