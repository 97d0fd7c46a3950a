"""The way to a licence and what follows it: each step one audited action, the operator
told in their language. Application → documents (complete, or missing with reasons) →
inspection scheduled → inspected → decision (licence, conditional licence, refusal) →
licence with a number and a validity → renewal, suspension or revocation.
"""

import re
from datetime import date, timedelta
from enum import StrEnum

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from care import notices
from care.models import (
    KIND_DIGITS,
    Decision,
    Facility,
    FacilityStatus,
    Fee,
    Inspection,
    Licence,
    LicenceApplication,
    LicenceState,
    Stage,
)
from core import audit
from core.errors import ActionError
from core.text import clean_text

VALIDITY_YEARS = 3
# What a licence number may look like once cleaned: governorate, kind, serial.
_NUMBER = re.compile(r"^(\d{2})(\d)(\d{6})$")


class CareError(StrEnum):
    WRONG_STAGE = "wrong_stage"
    REASONS_REQUIRED = "reasons_required"
    NOT_AN_INSPECTOR = "not_an_inspector"
    FEE_UNSETTLED = "fee_unsettled"
    NO_LICENCE = "no_licence"


def licence_key(typed: str) -> str:
    """The digits of a licence number however it was typed: Arabic-Indic digits, spaces,
    dashes or slashes (``٠٢-١-٠٠٠١٢٣`` → ``021000123``)."""
    return re.sub(r"\D", "", clean_text(typed or ""))


def format_number(key: str) -> str:
    match = _NUMBER.match(key)
    return f"{match[1]}-{match[2]}-{match[3]}" if match else key


def _next_number(facility: Facility) -> tuple[str, str]:
    prefix = f"{facility.governorate_id}{KIND_DIGITS[facility.kind]}"
    last = Licence.objects.filter(key__startswith=prefix).aggregate(last=Max("key"))["last"] or ""
    serial = int(last[len(prefix) :] or 0) + 1
    key = f"{prefix}{serial:06d}"
    return format_number(key), key


def _step(application: LicenceApplication, expected: tuple[str, ...]) -> LicenceApplication:
    application = (
        LicenceApplication.objects.select_for_update(of=("self",))
        .select_related("facility")
        .get(pk=application.pk)
    )
    if application.stage not in expected:
        raise ActionError(
            CareError.WRONG_STAGE,
            _("This application is at the step “%(stage)s”: that cannot be done now.")
            % {"stage": application.get_stage_display()},
        )
    return application


def apply(facility: Facility, *, by: User, renewal: bool = False) -> LicenceApplication:
    with transaction.atomic():
        application = LicenceApplication.objects.create(
            facility=facility, renewal=renewal, submitted_by=by
        )
        audit.record("care.application_submitted", actor=by, obj=facility)
    return application


def review_documents(
    application: LicenceApplication, *, by: User, complete: bool, missing: str = ""
) -> LicenceApplication:
    """The documents are complete, or these are missing (the operator reads why)."""
    if not complete and not missing.strip():
        raise ActionError(
            CareError.REASONS_REQUIRED, _("Say what is missing and why."), field="missing"
        )
    with transaction.atomic():
        application = _step(application, (Stage.SUBMITTED, Stage.MISSING_DOCUMENTS))
        application.stage = Stage.DOCUMENTS_COMPLETE if complete else Stage.MISSING_DOCUMENTS
        application.missing = "" if complete else missing.strip()
        application.save(update_fields=["stage", "missing"])
        audit.record("care.documents_reviewed", actor=by, obj=application.facility, reason=missing)
        notices.step(application)
    return application


def record_fee(
    application: LicenceApplication, *, by: User, fee: str, reference: str
) -> LicenceApplication:
    with transaction.atomic():
        application = _step(application, tuple(Stage.values))
        application.fee, application.fee_reference = fee, reference.strip()
        application.save(update_fields=["fee", "fee_reference"])
        audit.record("care.fee_recorded", actor=by, obj=application.facility, data={"fee": fee})
    return application


def schedule_inspection(
    application: LicenceApplication, *, by: User, inspector: User, due_on: date
) -> Inspection:
    """Give the inspection to an inspector of the facility's governorate."""
    if inspector.role != Role.INSPECTOR or inspector.governorate_id != (
        application.facility.governorate_id
    ):
        raise ActionError(
            CareError.NOT_AN_INSPECTOR,
            _("Choose an inspector of the facility's governorate."),
        )
    with transaction.atomic():
        application = _step(application, (Stage.DOCUMENTS_COMPLETE,))
        inspection = Inspection.objects.create(
            facility=application.facility,
            application=application,
            inspector=inspector,
            due_on=due_on,
        )
        application.stage = Stage.INSPECTION_SCHEDULED
        application.save(update_fields=["stage"])
        audit.record(
            "care.inspection_scheduled",
            actor=by,
            obj=application.facility,
            data={"inspector": inspector.pk, "due_on": due_on.isoformat()},
        )
        notices.step(application)
    return inspection


def decide(
    application: LicenceApplication,
    decision: str,
    *,
    by: User,
    reasons: str = "",
    condition_deadline: date | None = None,
) -> Licence | None:
    """Licence, conditional licence (with a deadline) or refusal (with reasons)."""
    if decision != Decision.LICENCE and not reasons.strip():
        raise ActionError(
            CareError.REASONS_REQUIRED,
            _("Give the reasons: the operator reads them."),
            field="reasons",
        )
    if decision == Decision.CONDITIONAL and condition_deadline is None:
        raise ActionError(
            CareError.REASONS_REQUIRED,
            _("Give the date by which the conditions must be met."),
            field="condition_deadline",
        )
    with transaction.atomic():
        application = _step(application, (Stage.INSPECTED,))
        if decision != Decision.REFUSED and application.fee == Fee.UNPAID:
            raise ActionError(CareError.FEE_UNSETTLED, _("Record the fee as paid or waived first."))
        application.stage, application.decision = Stage.DECIDED, decision
        application.reasons, application.condition_deadline = reasons.strip(), condition_deadline
        application.decided_at = timezone.now()
        application.save(
            update_fields=["stage", "decision", "reasons", "condition_deadline", "decided_at"]
        )
        licence = None
        if decision != Decision.REFUSED:
            licence = _issue(application, conditional=decision == Decision.CONDITIONAL)
        audit.record(
            f"care.decision_{decision}", actor=by, obj=application.facility, reason=reasons
        )
        notices.step(application)
    return licence


def _issue(application: LicenceApplication, *, conditional: bool) -> Licence:
    facility = application.facility
    previous = facility.licences.filter(state=LicenceState.VALID).first()
    if previous is not None:  # a renewal keeps the number and replaces the old licence
        number, key = previous.number, previous.key
        previous.state = LicenceState.REPLACED
        previous.save(update_fields=["state"])
    else:
        number, key = _next_number(facility)
    today = timezone.localdate()
    start = max(today, previous.valid_until + timedelta(days=1)) if previous else today
    licence = Licence.objects.create(
        facility=facility,
        application=application,
        number=number,
        key=key,
        issued_on=today,
        valid_until=start.replace(year=start.year + VALIDITY_YEARS) - timedelta(days=1),
        conditional=conditional,
    )
    facility.status = FacilityStatus.LICENSED
    facility.licence_number, facility.licence_key = number, key
    facility.licence_valid_until = licence.valid_until
    facility.save(update_fields=["status", "licence_number", "licence_key", "licence_valid_until"])
    return licence


def _current(facility: Facility) -> Licence:
    licence = facility.licences.select_for_update().exclude(state=LicenceState.REPLACED).first()
    if licence is None:
        raise ActionError(CareError.NO_LICENCE, _("This facility has no licence."))
    return licence


def suspend(facility: Facility, *, by: User, reason: str) -> Licence:
    return _withdraw(facility, LicenceState.SUSPENDED, FacilityStatus.SUSPENDED, by, reason)


def revoke(facility: Facility, *, by: User, reason: str) -> Licence:
    return _withdraw(facility, LicenceState.REVOKED, FacilityStatus.CLOSED, by, reason)


def _withdraw(facility, state, facility_status, by, reason) -> Licence:
    if not reason.strip():
        raise ActionError(
            CareError.REASONS_REQUIRED,
            _("Give the reasons: the public reads them."),
            field="reason",
        )
    with transaction.atomic():
        licence = _current(facility)
        licence.state, licence.state_reason = state, reason.strip()
        licence.save(update_fields=["state", "state_reason"])
        Facility.objects.filter(pk=facility.pk).update(status=facility_status)
        audit.record(f"care.licence_{state}", actor=by, obj=facility, reason=reason)
        notices.licence_changed(facility, licence.get_state_display(), reason)
    return licence


def reinstate(facility: Facility, *, by: User, reason: str) -> Licence:
    """Lift a suspension once the violations behind it are corrected."""
    with transaction.atomic():
        licence = _current(facility)
        if licence.state != LicenceState.SUSPENDED:
            raise ActionError(CareError.WRONG_STAGE, _("Only a suspended licence is reinstated."))
        licence.state, licence.state_reason = LicenceState.VALID, reason.strip()
        licence.save(update_fields=["state", "state_reason"])
        Facility.objects.filter(pk=facility.pk).update(status=FacilityStatus.LICENSED)
        audit.record("care.licence_reinstated", actor=by, obj=facility, reason=reason)
        notices.licence_changed(facility, licence.get_state_display(), reason)
    return licence


def remind_renewals(today: date) -> int:
    """Tell each operator whose licence ends within 60 days, once."""
    reminded = 0
    for licence in due_for_renewal(today):
        with transaction.atomic():
            notices.renewal_due(licence.facility, licence.valid_until)
            Licence.objects.filter(pk=licence.pk).update(reminded_at=timezone.now())
        reminded += 1
    return reminded


def due_for_renewal(today: date, *, within_days: int = 60):
    """Valid licences ending within ``within_days`` whose holders were not reminded yet."""
    return Licence.objects.filter(
        state=LicenceState.VALID,
        valid_until__lte=today + timedelta(days=within_days),
        valid_until__gte=today,
        reminded_at__isnull=True,
    ).select_related("facility")
