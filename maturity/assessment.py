"""Scoring an assessment, comparing it with peers, and what to learn next.

A dimension's score is the mean of its statements' ratings over the highest rating, as a
percentage (as the Third Sector Digital Maturity Matrix does); the overall score is the
mean of the dimensions'. Peers are the organizations of the same kind in the same
governorate; with fewer than ``MIN_PEERS`` of them (an average of two would show each
one's answers), the comparison widens to the kind nationally, then to all.
"""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.db.models import Avg, Max, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from core import audit
from maturity.models import Answer, Assessment, Dimension, Draft, Rating, Score, Statement
from registry.models import Organization

MIN_PEERS = 3
REPEAT_WINDOW = timedelta(minutes=10)
HUNDRED = Decimal(100)
LEVELS = (
    (Decimal(25), _("Starting")),
    (Decimal(50), _("Developing")),
    (Decimal(75), _("Established")),
    (Decimal(101), _("Leading")),
)
READERS = (Role.CENTRAL_OFFICER, Role.AUDITOR, Role.FUND_OFFICER)


def level(score: Decimal) -> str:
    return next(str(name) for ceiling, name in LEVELS if score < ceiling)


def may_read(user, organization: Organization) -> bool:
    return user.role in READERS or organization.memberships.filter(user=user).exists()


def may_answer(user, organization: Organization) -> bool:
    return organization.memberships.filter(user=user).exists()


def submit(organization: Organization, ratings: dict[int, int], *, by) -> Assessment:
    """Keep the answers (every statement rated) and the scores they give."""
    statements = list(Statement.objects.select_related("dimension"))
    if set(ratings) != {s.pk for s in statements}:
        raise ValueError("every statement needs a rating")
    by_dimension: dict[Dimension, list[int]] = {}
    for statement in statements:
        by_dimension.setdefault(statement.dimension, []).append(ratings[statement.pk])
    scores = {
        dimension: (HUNDRED * sum(values) / (Rating.HIGHLY_EFFECTIVE * len(values))).quantize(
            Decimal("0.01")
        )
        for dimension, values in by_dimension.items()
    }
    overall = (sum(scores.values()) / len(scores)).quantize(Decimal("0.01"))
    with transaction.atomic():
        Organization.objects.select_for_update().filter(pk=organization.pk).first()
        repeated = _same_answers_just_sent(organization, ratings, by)
        if repeated is not None:
            return repeated  # a double submit or a retry: kept once
        assessment = Assessment.objects.create(
            organization=organization, submitted_by=by, overall=overall
        )
        Answer.objects.bulk_create(
            Answer(assessment=assessment, statement_id=pk, rating=rating)
            for pk, rating in ratings.items()
        )
        Score.objects.bulk_create(
            Score(assessment=assessment, dimension=dimension, score=score)
            for dimension, score in scores.items()
        )
        audit.record(
            "maturity.assessment_submitted",
            actor=by,
            obj=organization,
            data={"assessment": assessment.pk, "overall": str(overall)},
        )
    return assessment


def draft_for(organization: Organization, user) -> Draft:
    """The person's questionnaire in progress; a new one starts from the organization's
    last answers, so answering again means changing what changed."""
    draft, created = Draft.objects.get_or_create(organization=organization, user=user)
    if created:
        latest = organization.maturity_assessments.first()
        if latest is not None:
            draft.ratings = {
                str(pk): r for pk, r in latest.answers.values_list("statement", "rating")
            }
            draft.save(update_fields=["ratings"])
    return draft


def save_part(draft: Draft, ratings: dict[int, int]) -> Draft:
    """Keep one dimension's answers in the questionnaire in progress."""
    with transaction.atomic():
        draft = Draft.objects.select_for_update().get(pk=draft.pk)
        draft.ratings |= {str(pk): rating for pk, rating in ratings.items()}
        draft.save(update_fields=["ratings", "updated_at"])
    return draft


def unanswered(draft: Draft) -> list[Dimension]:
    """The dimensions with a statement still to rate, in the questionnaire's order."""
    rated = {int(pk) for pk in draft.ratings}
    return [
        dimension
        for dimension in Dimension.objects.prefetch_related("statements")
        if any(statement.pk not in rated for statement in dimension.statements.all())
    ]


def submit_draft(draft: Draft, *, by) -> Assessment:
    """Send the questionnaire in progress: every statement rated."""
    ratings = {int(pk): rating for pk, rating in draft.ratings.items()}
    assessment = submit(draft.organization, ratings, by=by)
    Draft.objects.filter(pk=draft.pk).delete()
    return assessment


def _same_answers_just_sent(organization, ratings, by) -> Assessment | None:
    latest = organization.maturity_assessments.filter(
        submitted_by=by, submitted_at__gte=timezone.now() - REPEAT_WINDOW
    ).first()
    if latest and dict(latest.answers.values_list("statement_id", "rating")) == ratings:
        return latest
    return None


def _latest_of_each(organizations) -> Subquery:
    """The latest assessment of each organization in the set."""
    latest = Assessment.objects.filter(organization=OuterRef("organization")).order_by(
        "-submitted_at", "-pk"
    )
    return Assessment.objects.filter(
        organization__in=organizations, pk=Subquery(latest.values("pk")[:1])
    )


@dataclass
class Peers:
    label: str
    count: int
    averages: dict[int, Decimal]  # dimension id → average score
    overall: Decimal | None


def peers(organization: Organization) -> Peers:
    others = Organization.objects.exclude(pk=organization.pk).filter(
        maturity_assessments__isnull=False
    )
    groups = (
        (
            _("organizations of its kind in its governorate"),
            others.filter(kind=organization.kind, governorate=organization.governorate_id),
        ),
        (_("organizations of its kind nationally"), others.filter(kind=organization.kind)),
        (_("all organizations assessed"), others),
    )
    for label, group in groups:
        latest = _latest_of_each(group.distinct().values("pk"))
        count = latest.count()
        if count >= MIN_PEERS:
            averages = {
                row["dimension"]: row["average"]
                for row in Score.objects.filter(assessment__in=latest.values("pk"))
                .values("dimension")
                .annotate(average=Avg("score"))
            }
            overall = latest.aggregate(average=Avg("overall"))["average"]
            return Peers(str(label), count, averages, overall)
    return Peers("", 0, {}, None)


def profile(assessment: Assessment, compared: Peers) -> list[dict]:
    """Each dimension's score beside its peers' average, weakest first marked."""
    rows = [
        {
            "dimension": score.dimension,
            "score": score.score,
            "level": level(score.score),
            "peers": compared.averages.get(score.dimension_id),
        }
        for score in assessment.scores.select_related("dimension")
    ]
    weakest = sorted(rows, key=lambda row: row["score"])[:2]
    for row in rows:
        row["weak"] = row in weakest and row["score"] < LEVELS[2][0]
    return rows


@dataclass
class Recommendation:
    course: object
    helps: list  # the weak dimensions it builds


def recommended_courses(rows: list[dict]) -> list[Recommendation]:
    """Courses made for associations' staff that build the competences of the weakest
    dimensions, those serving more of them first (a course for the families an
    association serves is not one for its staff)."""
    from training.models import Course, TargetGroup

    weak = [row["dimension"] for row in rows if row["weak"]]
    codes = {code for dimension in weak for code in dimension.competences}
    if not codes:
        return []
    courses = (
        Course.objects.filter(competences__code__in=codes)
        .distinct()
        .prefetch_related("competences")
    )
    found = []
    for course in courses:
        if TargetGroup.ASSOCIATION_STAFF not in course.target_groups:
            continue
        own = {competence.code for competence in course.competences.all()}
        helps = [dimension for dimension in weak if own & set(dimension.competences)]
        found.append(Recommendation(course, helps))
    return sorted(found, key=lambda r: (-len(r.helps), str(r.course)))


def history(organization: Organization) -> list[dict]:
    """Every assessment of the organization, oldest first, with its dimension scores."""
    assessments = organization.maturity_assessments.prefetch_related("scores").order_by(
        "submitted_at", "pk"
    )
    dimensions = list(Dimension.objects.values_list("pk", flat=True))
    rows = []
    for a in assessments:
        scores = {s.dimension_id: s.score for s in a.scores.all()}
        rows.append({"assessment": a, "scores": [scores.get(pk) for pk in dimensions]})
    return rows


def national() -> dict:
    """For the ministry: how many organizations were assessed and the average profile."""
    latest = _latest_of_each(Organization.objects.values("pk"))
    averages = {
        row["dimension"]: row
        for row in Score.objects.filter(assessment__in=latest.values("pk"))
        .values("dimension")
        .annotate(average=Avg("score"), best=Max("score"))
    }
    return {
        "organizations": latest.count(),
        "overall": latest.aggregate(average=Avg("overall"))["average"],
        "dimensions": [{**averages.get(d.pk, {}), "dimension": d} for d in Dimension.objects.all()],
    }
