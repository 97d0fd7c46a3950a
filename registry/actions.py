"""Every write to the registry's domain state, each with its audit entry."""

from enum import StrEnum

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role, User
from core import audit
from core.errors import ActionError
from core.text import clean_text
from registry.models import (
    CHANGEABLE_FIELDS,
    ChangeRequestStatus,
    FieldOfActivity,
    Organization,
    OrganizationRole,
    ProfileChangeRequest,
)


class RegistryError(StrEnum):
    NOT_ALLOWED = "not_allowed"
    ALREADY_PENDING = "already_pending"
    NOT_PENDING = "not_pending"
    NO_CHANGE = "no_change"
    REASON_REQUIRED = "reason_required"


def can_propose_changes(user: User, organization: Organization) -> bool:
    return (
        user.is_authenticated
        and user.role == Role.ORGANIZATION_MEMBER
        and organization.memberships.filter(user=user, role=OrganizationRole.ADMINISTRATOR).exists()
    )


def can_decide(user: User, change_request: ProfileChangeRequest) -> bool:
    """Only a directorate officer of the organization's own governorate decides."""
    return (
        user.is_authenticated
        and user.role == Role.DIRECTORATE_OFFICER
        and user.governorate_id == change_request.organization.governorate_id
    )


def profile_values(organization: Organization) -> dict:
    """The changeable part of a profile, as JSON-ready values."""
    values = {name: getattr(organization, name) for name in CHANGEABLE_FIELDS if name != "fields"}
    values["fields"] = sorted(organization.fields.values_list("code", flat=True))
    return values


def changes_from(organization: Organization, proposed: dict) -> dict:
    """The cleaned values of ``proposed`` that differ from the organization's profile."""
    current = profile_values(organization)
    cleaned = {k: clean_text(v) if isinstance(v, str) else v for k, v in proposed.items()}
    return {k: v for k, v in cleaned.items() if k in CHANGEABLE_FIELDS and current[k] != v}


def propose_profile_change(
    organization: Organization, proposed: dict, *, by: User, note: str = "", ip: str | None = None
) -> ProfileChangeRequest:
    if not can_propose_changes(by, organization):
        raise ActionError(
            RegistryError.NOT_ALLOWED,
            _("Only an administrator of this organization can propose changes."),
        )
    with transaction.atomic():
        organization = Organization.objects.select_for_update().get(pk=organization.pk)
        if organization.change_requests.filter(status=ChangeRequestStatus.PENDING).exists():
            raise ActionError(
                RegistryError.ALREADY_PENDING,
                _("A change request for this organization is already waiting for review."),
            )
        previous = profile_values(organization)
        changes = changes_from(organization, proposed)
        if not changes:
            raise ActionError(
                RegistryError.NO_CHANGE, _("Nothing differs from the current profile.")
            )
        change_request = ProfileChangeRequest.objects.create(
            organization=organization,
            proposed=changes,
            previous={k: previous[k] for k in changes},
            note=note,
            submitted_by=by,
        )
        audit.record(
            "registry.change_proposed",
            actor=by,
            obj=change_request,
            ip=ip,
            reason=note,
            data={"organization": organization.registration_number, "fields": sorted(changes)},
        )
    return change_request


def _decide(
    change_request: ProfileChangeRequest,
    *,
    by: User,
    reason: str,
    status: ChangeRequestStatus,
    ip: str | None,
) -> ProfileChangeRequest:
    with transaction.atomic():
        change_request = (
            ProfileChangeRequest.objects.select_for_update()
            .select_related("organization")
            .get(pk=change_request.pk)
        )
        if not can_decide(by, change_request):
            raise ActionError(
                RegistryError.NOT_ALLOWED,
                _("Only a directorate officer of the organization's governorate can decide."),
            )
        if change_request.status != ChangeRequestStatus.PENDING:
            raise ActionError(
                RegistryError.NOT_PENDING, _("This change request has already been decided.")
            )
        if status == ChangeRequestStatus.REJECTED and not reason.strip():
            raise ActionError(
                RegistryError.REASON_REQUIRED,
                _("Give the organization a reason for the rejection."),
                field="reason",
            )
        change_request.status = status
        change_request.decided_by = by
        change_request.decided_at = timezone.now()
        change_request.decision_reason = reason
        change_request.save()
        action = (
            "registry.change_approved"
            if status == ChangeRequestStatus.APPROVED
            else "registry.change_rejected"
        )
        audit.record(action, actor=by, obj=change_request, reason=reason, ip=ip)
        if status == ChangeRequestStatus.APPROVED:
            _apply(change_request, by=by, ip=ip)
    return change_request


def _apply(change_request: ProfileChangeRequest, *, by: User, ip: str | None) -> None:
    organization = Organization.objects.select_for_update().get(pk=change_request.organization_id)
    changes = dict(change_request.proposed)
    field_codes = changes.pop("fields", None)
    for name, value in changes.items():
        setattr(organization, name, value)
    organization.save()
    if field_codes is not None:
        organization.fields.set(FieldOfActivity.objects.filter(code__in=field_codes))
    audit.record(
        "registry.profile_updated",
        actor=by,
        obj=organization,
        ip=ip,
        data={"change_request": change_request.pk, "fields": sorted(change_request.proposed)},
    )


def approve_change_request(
    change_request: ProfileChangeRequest, *, by: User, reason: str = "", ip: str | None = None
) -> ProfileChangeRequest:
    return _decide(change_request, by=by, reason=reason, status=ChangeRequestStatus.APPROVED, ip=ip)


def reject_change_request(
    change_request: ProfileChangeRequest, *, by: User, reason: str, ip: str | None = None
) -> ProfileChangeRequest:
    return _decide(change_request, by=by, reason=reason, status=ChangeRequestStatus.REJECTED, ip=ip)
