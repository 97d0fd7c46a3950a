"""Triage at intake: new cases are read by a background job every few seconds, in
batches, so that filing a case costs nothing more than it did and a slow or failing model
never stops a case from being received (`manage.py schedule_jobs --loop` queues the job,
`manage.py db_worker` runs it; `manage.py triage sweep` runs it at once).

A confident proposal sets the case's category (and so its queue) and may raise its
urgency, never lower it; a doubtful one leaves the case as filed and waits for a person.
A possibly critical case is made critical (the shortest answer time, so the top of its
queue) and the directorate is told at once, whatever the confidence.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Role, User
from complaints import reference, service_levels, tracking
from complaints.models import OPEN_STATUSES, Case, Urgency
from complaints.routing import route
from core.notifications import Notice, notify
from triage import registry
from triage.engine import danger_cues
from triage.models import Proposal, ReviewState
from triage.text import normalize

RANK = {Urgency.NORMAL: 0, Urgency.HIGH: 1, Urgency.CRITICAL: 2}
DUPLICATE_DAYS = 30
DUPLICATE_SIMILARITY = 0.6  # shared character trigrams (Jaccard) of the folded texts


def confidence_needed() -> float:
    return settings.TRIAGE_CONFIDENCE


# Cases older than this that were never read (the worker was down for days) are left to
# people: a proposal that late helps nobody.
LOOK_BACK = timedelta(days=2)
BATCH = 500


def triage_waiting(now=None) -> int:
    """Read the recent cases that have no proposal yet, a batch at a time; returns how
    many were read. Safe to run from several workers at once."""
    now = now or timezone.now()
    waiting = list(
        Case.objects.filter(received_at__gte=now - LOOK_BACK, triage__isnull=True)
        .order_by("received_at")
        .values_list("pk", "description")[:BATCH]
    )
    if not waiting:
        return 0
    version, model = registry.active()
    readings = model.propose([description for _pk, description in waiting], explain=True)
    done = 0
    for (pk, _description), reading in zip(waiting, readings, strict=True):
        with transaction.atomic():
            case = (
                Case.objects.select_for_update(of=("self",), skip_locked=True)
                .select_related("category")
                .filter(pk=pk, triage__isnull=True)
                .first()
            )
            if case is not None:  # not taken by another worker meanwhile
                triage(case, version, reading)
                done += 1
    return done


def triage(case: Case, version, reading) -> Proposal:
    """Apply what a confident reading says to the (locked) case, keep the proposal, link
    a likely duplicate and alert the directorate of a possibly critical case."""
    filed = case.category.code
    proposed = reference.active_categories().get(reading.category)
    applied = proposed is not None and reading.confidence >= confidence_needed()
    urgency = case.urgency
    if applied and reading.urgency in RANK and reading.urgency_confidence >= confidence_needed():
        urgency = max(urgency, reading.urgency, key=RANK.__getitem__)
    if reading.possibly_critical:
        urgency = Urgency.CRITICAL
    if applied and proposed.pk != case.category_id:
        case.category, case.queue_id = proposed, route(proposed.pk, case.governorate_id)
    if urgency != case.urgency:
        case.urgency = urgency
        service_levels.set_due_dates(case)
    case.save(
        update_fields=["category", "queue", "urgency", "first_response_due", "resolution_due"]
    )
    folded = normalize(case.description)
    proposal = Proposal.objects.create(
        case=case,
        version=version,
        category_code=reading.category,
        confidence=reading.confidence,
        urgency=reading.urgency or "",
        urgency_confidence=reading.urgency_confidence,
        critical_probability=reading.critical_probability,
        possibly_critical=reading.possibly_critical,
        words=reading.words,
        danger_cues=danger_cues(folded),
        filed_category_code=filed,
        possible_duplicate=_possible_duplicate(case, folded),
        state=ReviewState.APPLIED if applied else ReviewState.WAITING,
    )
    if reading.possibly_critical:
        _alert(case)
    return proposal


def _trigrams(text: str) -> set[str]:
    padded = f" {text} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(first: str, second: str) -> float:
    """Shared character trigrams of two folded texts, from 0 to 1."""
    a, b = _trigrams(first), _trigrams(second)
    return len(a & b) / len(a | b) if a and b else 0.0


def _possible_duplicate(case: Case, folded: str) -> Case | None:
    """An open case of the last 30 days from the same person (national ID) or about the
    same organization, with nearly the same words."""
    same = Q()
    if case.national_id_digest:
        same |= Q(national_id_digest=case.national_id_digest)
    if case.organization_id:
        same |= Q(organization_id=case.organization_id)
    if not same or not folded:
        return None
    candidates = (
        Case.objects.filter(same, status__in=OPEN_STATUSES)
        .filter(received_at__gte=case.received_at - timedelta(days=DUPLICATE_DAYS))
        .exclude(pk=case.pk)
        .only("pk", "description", "tracking_number")
        .order_by("-received_at")[:50]
    )
    scored = [(similarity(folded, normalize(other.description)), other) for other in candidates]
    best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
    return best[1] if best[0] >= DUPLICATE_SIMILARITY else None


def _alert(case: Case) -> None:
    """Tell the directorate's people (the queue's head and the governorate's officers)."""
    people = User.objects.filter(is_active=True).filter(
        Q(role=Role.DIRECTORATE_OFFICER, governorate_id=case.governorate_id)
        | Q(pk=case.queue.head_id)
    )
    number = tracking.format_tracking_number(case.tracking_number)
    link = settings.SITE_URL + reverse("complaints:case", args=[case.tracking_number])
    for person in people:
        if not person.email:
            continue
        with translation.override(person.preferred_language):
            notify(
                Notice(
                    subject=_("Sanad: possibly critical case %(number)s") % {"number": number},
                    body=_("A new case may put a person in danger. Read it now and act: %(url)s")
                    % {"url": link},
                    email=person.email,
                )
            )
