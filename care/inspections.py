"""Inspections: the checklist answered item by item, violations with a severity and a date
to correct them, and follow-ups that close or escalate what is still open."""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from care.models import (
    ChecklistItem,
    Facility,
    Inspection,
    InspectionDraft,
    InspectionPhoto,
    ItemResult,
    Result,
    Score,
    Severity,
    Stage,
    Violation,
    ViolationState,
)
from core import audit
from core.errors import ActionError


class InspectionError(StrEnum):
    NOT_YOURS = "not_yours"
    ALREADY_DONE = "already_done"
    INCOMPLETE = "incomplete"


@dataclass(frozen=True)
class Finding:
    severity: str
    description: str
    correct_by: date
    item: ChecklistItem | None = None


def checklist(facility: Facility):
    return ChecklistItem.objects.filter(kind=facility.kind, is_active=True)


def record(
    inspection: Inspection,
    *,
    by: User,
    answers: dict[int, tuple[str, str]],
    findings: list[Finding],
    notes: str = "",
    corrected: set[int] = frozenset(),
    photos: dict | None = None,
) -> Inspection:
    """The inspector's report: every checklist item scored, the violations found, and on a
    follow-up the earlier violations seen corrected (the others past their date escalate)."""
    with transaction.atomic():
        inspection = (
            Inspection.objects.select_for_update(of=("self",))
            .select_related("facility", "application")
            .get(pk=inspection.pk)
        )
        if inspection.inspector_id != by.pk:
            raise ActionError(InspectionError.NOT_YOURS, _("This inspection is not yours."))
        if inspection.done_at is not None:
            raise ActionError(InspectionError.ALREADY_DONE, _("This inspection was already sent."))
        facility = inspection.facility
        items = {item.pk: item for item in checklist(facility)}
        if set(answers) != set(items):
            raise ActionError(InspectionError.INCOMPLETE, _("Score every item of the checklist."))
        ItemResult.objects.bulk_create(
            ItemResult(inspection=inspection, item=items[pk], score=score, note=note)
            for pk, (score, note) in answers.items()
        )
        for pk, photo in (photos or {}).items():
            InspectionPhoto.keep(photo, inspection=inspection, item=items[pk])
        for finding in findings:
            Violation.objects.create(
                facility=facility,
                inspection=inspection,
                item=finding.item,
                severity=finding.severity,
                description=finding.description,
                correct_by=finding.correct_by,
            )
        _follow_up(inspection, corrected)
        inspection.result = _result(answers, findings)
        inspection.done_at, inspection.notes = timezone.now(), notes.strip()
        inspection.save(update_fields=["result", "done_at", "notes"])
        _update_facility(facility, inspection)
        if inspection.application and inspection.application.stage == Stage.INSPECTION_SCHEDULED:
            inspection.application.stage = Stage.INSPECTED
            inspection.application.save(update_fields=["stage"])
        audit.record(
            "care.inspection_recorded",
            actor=by,
            obj=facility,
            data={"result": inspection.result, "violations": len(findings)},
        )
    return inspection


def _result(answers, findings) -> str:
    scores = {score for score, _note in answers.values()}
    severities = {finding.severity for finding in findings}
    if Score.NOT_MET in scores or Severity.SERIOUS in severities:
        return Result.FAILED
    if Score.PARTLY in scores or severities:
        return Result.PASSED_WITH_REMARKS
    return Result.PASSED


def _follow_up(inspection: Inspection, corrected: set[int]) -> None:
    """Close what the inspector saw corrected; escalate what is open past its date."""
    today = timezone.localdate()
    earlier = Violation.objects.filter(
        facility=inspection.facility, state=ViolationState.OPEN
    ).exclude(inspection=inspection)
    earlier.filter(pk__in=corrected).update(state=ViolationState.CORRECTED, closed_by=inspection)
    earlier.exclude(pk__in=corrected).filter(correct_by__lt=today).update(
        state=ViolationState.ESCALATED
    )


def _update_facility(facility: Facility, inspection: Inspection) -> None:
    facility.last_inspected_on = timezone.localdate(inspection.done_at)
    facility.last_inspection_result = inspection.result
    facility.open_serious_violations = facility.violations.filter(
        severity=Severity.SERIOUS, state__in=[ViolationState.OPEN, ViolationState.ESCALATED]
    ).count()
    facility.save(
        update_fields=["last_inspected_on", "last_inspection_result", "open_serious_violations"]
    )


def schedule_follow_up(
    inspection: Inspection, *, by: User, inspector: User, due_on: date
) -> Inspection:
    with transaction.atomic():
        follow_up = Inspection.objects.create(
            facility=inspection.facility,
            follow_up_of=inspection,
            inspector=inspector,
            due_on=due_on,
        )
        audit.record(
            "care.follow_up_scheduled",
            actor=by,
            obj=inspection.facility,
            data={"inspector": inspector.pk, "due_on": due_on.isoformat()},
        )
    return follow_up


# --- The inspector's report, section by section --------------------------------------

FINDINGS = "findings"


@dataclass(frozen=True)
class Section:
    code: str
    label: str
    items: list  # the checklist items of this area; none for the findings


def sections(facility: Facility) -> list[Section]:
    """The checklist's areas, in the order the list gives them, then the findings."""
    from care.models import Area

    by_area: dict[str, list] = {}
    for item in checklist(facility):
        by_area.setdefault(item.area, []).append(item)
    found = [Section(area, str(Area(area).label), items) for area, items in by_area.items()]
    return [*found, Section(FINDINGS, _("Violations and notes"), [])]


def draft_of(inspection: Inspection) -> InspectionDraft:
    return InspectionDraft.objects.get_or_create(inspection=inspection)[0]


def _open_draft(inspection: Inspection, by: User) -> InspectionDraft:
    """The draft of an inspection still to send, locked, for its own inspector only."""
    if inspection.inspector_id != by.pk:
        raise ActionError(InspectionError.NOT_YOURS, _("This inspection is not yours."))
    if Inspection.objects.filter(pk=inspection.pk, done_at__isnull=False).exists():
        raise ActionError(InspectionError.ALREADY_DONE, _("This inspection was already sent."))
    draft_of(inspection)
    return InspectionDraft.objects.select_for_update().get(inspection=inspection)


def save_section(
    inspection: Inspection, code: str, answers: dict[int, tuple[str, str]], *, by: User
) -> InspectionDraft:
    """Keep one area's scores and notes."""
    with transaction.atomic():
        draft = _open_draft(inspection, by)
        for pk, (score, note) in answers.items():
            draft.answers[str(pk)] = {"score": score, "note": note}
        draft.sections_done = sorted({*draft.sections_done, code})
        draft.save(update_fields=["answers", "sections_done", "updated_at"])
    return draft


def save_findings(
    inspection: Inspection,
    *,
    by: User,
    findings: list[Finding],
    corrected: set[int],
    notes: str,
) -> InspectionDraft:
    with transaction.atomic():
        draft = _open_draft(inspection, by)
        draft.findings = [
            {
                "severity": f.severity,
                "description": f.description,
                "correct_by": f.correct_by.isoformat(),
            }
            for f in findings
        ]
        draft.corrected, draft.notes = sorted(corrected), notes.strip()
        draft.sections_done = sorted({*draft.sections_done, FINDINGS})
        draft.save(update_fields=["findings", "corrected", "notes", "sections_done", "updated_at"])
    return draft


def keep_photo(inspection: Inspection, item: ChecklistItem, clean, *, by: User) -> InspectionPhoto:
    """A photo of an item, kept the moment it arrives, whatever else the page said; a new
    one replaces the item's earlier photo."""
    with transaction.atomic():
        _open_draft(inspection, by)
        earlier = list(inspection.photos.filter(item=item))
        photo = InspectionPhoto.keep(clean, inspection=inspection, item=item)
        for old in earlier:
            old.delete()
            transaction.on_commit(lambda old=old: old.file.delete(save=False))
        audit.record(
            "care.inspection_photo_kept",
            actor=by,
            obj=inspection.facility,
            data={"inspection": inspection.pk, "item": item.pk},
        )
    return photo


def sections_to_do(inspection: Inspection) -> list[Section]:
    done = set(draft_of(inspection).sections_done)
    return [section for section in sections(inspection.facility) if section.code not in done]


def send(inspection: Inspection, *, by: User) -> Inspection:
    """Send the report from what was recorded section by section (its photos are kept)."""
    draft = draft_of(inspection)
    answers = {int(pk): (a["score"], a["note"]) for pk, a in draft.answers.items()}
    findings = [
        Finding(f["severity"], f["description"], date.fromisoformat(f["correct_by"]))
        for f in draft.findings
    ]
    with transaction.atomic():
        sent = record(
            inspection,
            by=by,
            answers=answers,
            findings=findings,
            notes=draft.notes,
            corrected=set(draft.corrected),
        )
        InspectionDraft.objects.filter(pk=draft.pk).delete()
    return sent
