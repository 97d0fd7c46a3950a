"""Every change to a case: one function each, atomic, on the timeline and in the audit log."""

from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import Role, User
from complaints import notices, outbox, service_levels, tracking
from complaints.models import (
    MAX_ATTACHMENTS,
    REOPEN_DAYS,
    TRANSITIONS,
    Attachment,
    Case,
    Category,
    Channel,
    Queue,
    Status,
    TimelineEntry,
    Visibility,
)
from complaints.routing import route
from complaints.sla import working_time_between
from core import audit
from core.errors import ActionError
from core.models import Governorate
from core.national_id import national_id_digest
from core.uploads import CleanFile

# Roles that work cases; auditors read, others only see their own.
CASE_WORKERS = (Role.DIRECTORATE_OFFICER, Role.CENTRAL_OFFICER, Role.SYSTEM_ADMIN)
CASE_READERS = (*CASE_WORKERS, Role.AUDITOR)


class CaseError(StrEnum):
    NOT_ALLOWED = "not_allowed"
    BAD_TRANSITION = "bad_transition"
    REASON_REQUIRED = "reason_required"
    REPLY_REQUIRED = "reply_required"
    TOO_MANY_FILES = "too_many_files"
    REOPEN_EXPIRED = "reopen_expired"
    BAD_RATING = "bad_rating"


@dataclass
class CaseInput:
    """What any channel knows about a new case, already cleaned by its form or serializer."""

    category: Category
    description: str
    governorate: Governorate
    kind: str = "complaint"
    urgency: str = "normal"
    address: str = ""
    organization_id: int | None = None
    complainant_type: str = "citizen"
    preferred_language: str = "ar"
    contact_channel: str = "sms"
    protect_identity: bool = False
    complainant_name: str = ""
    national_id: str = ""
    phone: str = ""
    email: str = ""
    external_reference: str | None = None
    attachments: list[CleanFile] = field(default_factory=list)
    # What a channel sent that has no field of its own (an Open311 media_url), kept for
    # staff on the timeline rather than lost.
    staff_note: str = ""


@dataclass(frozen=True)
class Submitted:
    case: Case
    token: str | None  # None when an idempotent retry returned the earlier case
    created: bool


def submit_case(
    data: CaseInput,
    *,
    channel: Channel,
    by: User | None = None,
    idempotency_key: str | None = None,
    ip: str | None = None,
) -> Submitted:
    """Receive a case from any channel; a repeated idempotency key returns the first one.

    A repeat is found by the unique key refusing the second insert, not by a lookup
    before it: nearly every submission is new, and should not pay for the rare retry.
    """
    if len(data.attachments) > MAX_ATTACHMENTS:
        raise ActionError(
            CaseError.TOO_MANY_FILES,
            ngettext(
                "At most %(count)d file can be attached.",
                "At most %(count)d files can be attached.",
                MAX_ATTACHMENTS,
            )
            % {"count": MAX_ATTACHMENTS},
        )
    token = tracking.new_token()
    citizen = by if by is not None and by.role == Role.CITIZEN else None
    # One transaction and no savepoints (they cost round trips on every case); the rare
    # clash of random tracking numbers rolls it back and tries again with a new number.
    for _attempt in range(5):
        number = tracking.new_tracking_number()
        try:
            with transaction.atomic():
                case = _create_case(
                    data,
                    number=number,
                    channel=channel,
                    by=by,
                    citizen=citizen,
                    token=token,
                    idempotency_key=idempotency_key,
                )
                _attach(case, data.attachments)
                # No timeline entry for the receipt: the case row is it (Case.story).
                if data.staff_note:
                    TimelineEntry.objects.create(
                        case=case, visibility=Visibility.STAFF, body=data.staff_note
                    )
                audit.record(
                    "complaints.case_received",
                    actor=by,
                    obj=case,
                    ip=ip,
                    data={"channel": channel, "queue": case.queue_id},
                )
                notices.received(case)
            return Submitted(case, token, created=True)
        except IntegrityError:
            if idempotency_key:
                earlier = Case.objects.filter(idempotency_key=idempotency_key).first()
                if earlier is not None:
                    return Submitted(earlier, None, created=False)  # a retry, or a racing one
            if not Case.objects.filter(tracking_number=number).exists():
                raise
    raise RuntimeError("could not draw a free tracking number")


def _attach(case: Case, files: list[CleanFile]) -> None:
    for clean in files:
        Attachment.keep(clean, case=case)


def _create_case(data: CaseInput, *, number, channel, by, citizen, token, idempotency_key) -> Case:
    fields = {
        name: getattr(data, name)
        for name in (
            "kind",
            "urgency",
            "category",
            "description",
            "governorate",
            "address",
            "organization_id",
            "complainant_type",
            "preferred_language",
            "contact_channel",
            "protect_identity",
            "complainant_name",
            "national_id",
            "phone",
            "email",
            "external_reference",
        )
    }
    case = Case(
        **fields,
        token_digest=tracking.token_digest(token),
        national_id_digest=national_id_digest(data.national_id),
        channel=channel,
        submitted_by=by if by is not None and by.pk else None,
        citizen=citizen,
        idempotency_key=idempotency_key or None,
        queue_id=route(data.category.pk, data.governorate.pk),
    )
    service_levels.set_due_dates(case)
    case.tracking_number = number
    case.save(force_insert=True)
    return case


def can_work(user: User, case: Case) -> bool:
    return (
        user.is_authenticated
        and user.role in CASE_WORKERS
        and Case.objects.for_user(user).filter(pk=case.pk).exists()
    )


def _locked(case: Case, by: User | None, *, citizen_action: bool = False) -> Case:
    if not citizen_action and (by is None or not can_work(by, case)):
        raise ActionError(CaseError.NOT_ALLOWED, _("You cannot work on this case."))
    return Case.objects.select_for_update().get(pk=case.pk)


def _move(
    case: Case,
    to: str,
    *,
    by,
    reason: str,
    visibility: str,
    ip,
    body: str = "",
    is_reply: bool = False,
) -> TimelineEntry:
    if to not in TRANSITIONS[case.status]:
        raise ActionError(
            CaseError.BAD_TRANSITION,
            _("A case that is “%(from)s” cannot become “%(to)s”.")
            % {"from": Status(case.status).label, "to": Status(to).label},
        )
    now = timezone.now()
    if case.status == Status.WAITING_FOR_CITIZEN:
        service_levels.resume(case, now)
    if to == Status.WAITING_FOR_CITIZEN:
        service_levels.pause(case, now)
    entry = TimelineEntry.objects.create(
        case=case,
        actor=by,
        visibility=visibility,
        from_status=case.status,
        to_status=to,
        body=body or reason,
        is_reply=is_reply,
    )
    audit.record(
        f"complaints.status_{to}",
        actor=by,
        obj=case,
        reason=reason,
        ip=ip,
        data={"from": case.status, "to": to},
    )
    case.status = to
    outbox.queue_update(case, entry)
    if visibility == Visibility.PUBLIC and by is not None:
        _tell_citizen(case, entry, now)
    return entry


# Saved by every action that moves a case, whatever else it changes.
CLOCK_FIELDS = [
    "status", "waiting_since", "first_response_due", "resolution_due", "first_response_at",
]  # fmt: skip


def _tell_citizen(case: Case, entry: TimelineEntry, now) -> None:
    """A public word from staff: it counts as a response and reaches the citizen."""
    case.first_response_at = case.first_response_at or now
    notices.news(case, entry)


def change_status(
    case: Case,
    to: Status,
    *,
    by: User,
    reason: str,
    ip: str | None = None,
    visibility: str = Visibility.STAFF,
) -> Case:
    """A plain move along the workflow (triage, start work, wait for the citizen)."""
    if not reason.strip():
        raise ActionError(CaseError.REASON_REQUIRED, _("Say why the case moves."), field="reason")
    with transaction.atomic():
        case = _locked(case, by)
        _move(case, to, by=by, reason=reason, visibility=visibility, ip=ip)
        case.save(update_fields=CLOCK_FIELDS)
    return case


def assign(
    case: Case,
    *,
    by: User,
    reason: str,
    queue: Queue | None = None,
    assignee: User | None = None,
    ip: str | None = None,
) -> Case:
    """Send the case to a desk and, optionally, a person; it becomes ``assigned``."""
    if not reason.strip():
        raise ActionError(
            CaseError.REASON_REQUIRED, _("Say why the case is assigned."), field="reason"
        )
    with transaction.atomic():
        case = _locked(case, by)
        case.queue = queue or case.queue
        case.assignee = assignee
        _move(case, Status.ASSIGNED, by=by, reason=reason, visibility=Visibility.STAFF, ip=ip)
        case.save(update_fields=["queue", "assignee", *CLOCK_FIELDS])
    return case


def reply(case: Case, body: str, *, by: User, final: bool = False, ip: str | None = None) -> Case:
    """A public reply to the citizen; a final one answers the case."""
    if not body.strip():
        raise ActionError(
            CaseError.REPLY_REQUIRED, _("Write the reply to the citizen."), field="body"
        )
    with transaction.atomic():
        case = _locked(case, by)
        if final:
            _move(
                case,
                Status.ANSWERED,
                by=by,
                reason="",
                body=body,
                is_reply=True,
                visibility=Visibility.PUBLIC,
                ip=ip,
            )
            case.answered_at = timezone.now()
            _measure_answer(case)
            case.save(
                update_fields=[
                    "answered_at",
                    "answer_working_hours",
                    "answered_on_time",
                    *CLOCK_FIELDS,
                ]
            )
        else:
            entry = TimelineEntry.objects.create(
                case=case, actor=by, visibility=Visibility.PUBLIC, body=body, is_reply=True
            )
            _tell_citizen(case, entry, timezone.now())
            case.save(update_fields=["first_response_at"])
            outbox.queue_update(case, entry)
            audit.record("complaints.replied", actor=by, obj=case, ip=ip)
    return case


def _measure_answer(case: Case) -> None:
    """Working hours from receipt to the first final answer, and whether it met the target."""
    if case.answer_working_hours is not None:
        return  # a reopened case keeps the figure of its first answer
    spent = working_time_between(case.received_at, case.answered_at, service_levels.holidays())
    case.answer_working_hours = round(spent.total_seconds() / 3600)
    case.answered_on_time = case.resolution_due is None or case.answered_at <= case.resolution_due


def add_note(
    case: Case, body: str, *, by: User, visibility: str = Visibility.INTERNAL, ip: str | None = None
) -> TimelineEntry:
    if not body.strip():
        raise ActionError(CaseError.REPLY_REQUIRED, _("Write the note."), field="body")
    with transaction.atomic():
        case = _locked(case, by)
        entry = TimelineEntry.objects.create(case=case, actor=by, visibility=visibility, body=body)
        audit.record(
            "complaints.note_added", actor=by, obj=case, ip=ip, data={"visibility": visibility}
        )
    return entry


def close(case: Case, *, by: User, reason: str, ip: str | None = None) -> Case:
    """Close an answered case; no case closes without a final reply to the citizen."""
    with transaction.atomic():
        case = _locked(case, by)
        if (
            case.status != Status.ANSWERED
            or not case.timeline.filter(is_reply=True, to_status=Status.ANSWERED).exists()
        ):
            raise ActionError(
                CaseError.REPLY_REQUIRED,
                _("A case closes only after a final reply to the citizen."),
            )
        _move(case, Status.CLOSED, by=by, reason=reason, visibility=Visibility.STAFF, ip=ip)
        case.closed_at = timezone.now()
        case.save(update_fields=["closed_at", *CLOCK_FIELDS])
    return case


def mark_duplicate(
    case: Case, original: Case, *, by: User, reason: str, ip: str | None = None
) -> Case:
    with transaction.atomic():
        case = _locked(case, by)
        if original.pk == case.pk:
            raise ActionError(CaseError.BAD_TRANSITION, _("A case cannot duplicate itself."))
        case.duplicate_of = original
        _move(
            case,
            Status.DUPLICATE,
            by=by,
            visibility=Visibility.PUBLIC,
            ip=ip,
            reason=reason
            or _("This case is followed up under %(number)s.")
            % {"number": tracking.format_tracking_number(original.tracking_number)},
        )
        case.save(update_fields=["duplicate_of", *CLOCK_FIELDS])
    return case


def forward(case: Case, *, by: User, reason: str, ip: str | None = None) -> Case:
    """Outside the ministry's mandate: sent back to the national platform, with a public reason."""
    if not reason.strip():
        raise ActionError(
            CaseError.REASON_REQUIRED, _("Tell the citizen who handles this instead.")
        )
    with transaction.atomic():
        case = _locked(case, by)
        _move(case, Status.FORWARDED, by=by, reason=reason, visibility=Visibility.PUBLIC, ip=ip)
        case.save(update_fields=CLOCK_FIELDS)
    return case


def reopen_by_citizen(case: Case, *, reason: str = "", ip: str | None = None) -> Case:
    """The citizen is not satisfied: reopen within 14 days of the answer, saying what is
    still wrong if they wish."""
    with transaction.atomic():
        case = _locked(case, None, citizen_action=True)
        answered = case.answered_at or case.closed_at
        if answered is None or timezone.now() - answered > timedelta(days=REOPEN_DAYS):
            raise ActionError(
                CaseError.REOPEN_EXPIRED,
                ngettext(
                    "A case can be reopened within %(days)d day of its answer.",
                    "A case can be reopened within %(days)d days of its answer.",
                    REOPEN_DAYS,
                )
                % {"days": REOPEN_DAYS},
            )
        _move(case, Status.REOPENED, by=None, reason=reason, visibility=Visibility.PUBLIC, ip=ip)
        case.save(update_fields=CLOCK_FIELDS)
    return case


def rate(case: Case, score: int, *, ip: str | None = None) -> Case:
    if score not in range(1, 6):
        raise ActionError(CaseError.BAD_RATING, _("Choose a rating from 1 to 5."))
    with transaction.atomic():
        case = _locked(case, None, citizen_action=True)
        if case.status not in (Status.ANSWERED, Status.CLOSED):
            raise ActionError(
                CaseError.BAD_TRANSITION, _("A case can be rated once it is answered.")
            )
        case.satisfaction = score
        case.save(update_fields=["satisfaction"])
        audit.record("complaints.rated", obj=case, ip=ip, data={"score": score})
    return case
