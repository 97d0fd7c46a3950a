"""Triage at intake: every new case is read before it is saved.

A confident proposal sets the case's category (and so its queue) and may raise its
urgency, never lower it; a doubtful one leaves the case as filed and waits for a person.
A possibly critical case is marked critical (the shortest answer time, so the top of its
queue) and the directorate is told at once, whatever the confidence. The triage can never
stop a case from being received: if it fails, the case is saved as filed and the failure
logged.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import Role, User
from complaints import reference, tracking
from complaints.models import OPEN_STATUSES, Case, Urgency
from core.notifications import Notice, notify
from triage import registry
from triage.engine import Proposal as Reading
from triage.engine import danger_cues
from triage.models import ModelVersion, Proposal, ReviewState
from triage.text import normalize

logger = logging.getLogger(__name__)
RANK = {Urgency.NORMAL: 0, Urgency.HIGH: 1, Urgency.CRITICAL: 2}
DUPLICATE_DAYS = 30
DUPLICATE_SIMILARITY = 0.6  # shared character trigrams (Jaccard) of the folded texts


def confidence_needed() -> float:
    return getattr(settings, "TRIAGE_CONFIDENCE", 0.5)


@dataclass(frozen=True)
class Triage:
    version: ModelVersion
    reading: Reading
    filed_category: str
    applied: bool


def read(data) -> Triage | None:
    """Read a case before it is saved and adjust ``data`` (a CaseInput) as the proposal
    says; None if the triage could not run."""
    try:
        version, model = registry.active()
        reading = model.propose([data.description], explain=True)[0]
    except Exception:  # the triage must never stop a case from being received
        logger.exception("Triage failed; the case is received as filed")
        return None
    filed = data.category.code
    proposed = reference.active_categories().get(reading.category)
    applied = proposed is not None and reading.confidence >= confidence_needed()
    if applied:
        data.category = proposed
        if reading.urgency in RANK and reading.urgency_confidence >= confidence_needed():
            data.urgency = max(data.urgency, reading.urgency, key=RANK.__getitem__)
    if reading.possibly_critical:
        data.urgency = Urgency.CRITICAL
    return Triage(version, reading, filed, applied)


def record(case: Case, triage: Triage | None) -> None:
    """Keep the proposal with the case, link a likely duplicate, and alert the directorate
    of a possibly critical case (in the transaction that saves the case)."""
    if triage is None:
        return
    reading = triage.reading
    folded = normalize(case.description)
    duplicate = _possible_duplicate(case, folded)
    Proposal.objects.create(
        case=case,
        version=triage.version,
        category_code=reading.category,
        confidence=reading.confidence,
        urgency=reading.urgency or "",
        urgency_confidence=reading.urgency_confidence,
        critical_probability=reading.critical_probability,
        possibly_critical=reading.possibly_critical,
        words=reading.words,
        danger_cues=danger_cues(folded),
        filed_category_code=triage.filed_category,
        possible_duplicate=duplicate,
        state=ReviewState.APPLIED if triage.applied else ReviewState.WAITING,
    )
    if duplicate is not None:
        Case.objects.filter(pk=case.pk).update(duplicate_of=duplicate)
        case.duplicate_of = duplicate
    if reading.possibly_critical:
        _alert(case)


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
