"""Nurseries and care homes: facilities, their licences, the way to a licence, and the
inspections that keep it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.i18n import localized
from core.models import StoredFile


class FacilityKind(models.TextChoices):
    NURSERY = "nursery", _("Nursery")
    CHILDREN_HOME = "children_home", _("Children's care home")
    ELDERLY_HOME = "elderly_home", _("Elderly home")
    DISABILITY_CENTRE = "disability_centre", _("Disability care centre")


# The digit each kind gives a licence number (02-1-000123: Alexandria, a nursery, 123rd).
KIND_DIGITS = {
    FacilityKind.NURSERY: "1",
    FacilityKind.CHILDREN_HOME: "2",
    FacilityKind.ELDERLY_HOME: "3",
    FacilityKind.DISABILITY_CENTRE: "4",
}


class FacilityStatus(models.TextChoices):
    APPLICANT = "applicant", _("Applying for a licence")
    LICENSED = "licensed", _("Licensed")
    SUSPENDED = "suspended", _("Licence suspended")
    CLOSED = "closed", _("Closed")


class FacilityQuerySet(models.QuerySet):
    def for_officer(self, user):
        """A directorate officer: their governorate; central staff and auditors: all."""
        from accounts.models import Role

        if user.role == Role.DIRECTORATE_OFFICER:
            return self.filter(governorate_id=user.governorate_id)
        if user.role in (Role.CENTRAL_OFFICER, Role.SYSTEM_ADMIN, Role.AUDITOR):
            return self
        return self.none()

    def for_inspector(self, user):
        """An inspector works in one governorate, on the facilities given to them."""
        return self.filter(governorate_id=user.governorate_id, inspections__inspector=user)


class Facility(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=FacilityKind.choices)
    name_ar = models.CharField(_("Arabic name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    # The operator: an organization of the registry, or a person (by name only).
    organization = models.ForeignKey(
        "registry.Organization",
        verbose_name=_("operating organization"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="facilities",
    )
    operator_name = models.CharField(_("operator (a person)"), max_length=200, blank=True)
    governorate = models.ForeignKey(
        "core.Governorate", verbose_name=_("governorate"), on_delete=models.PROTECT
    )
    address = models.CharField(_("address"), max_length=300)
    capacity = models.PositiveIntegerField(_("places"))
    # Places by age group, e.g. {"0-2": 20, "2-4": 40}: what a parent needs to know.
    age_groups = models.JSONField(_("places by age group"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=FacilityStatus.choices, default=FacilityStatus.APPLICANT
    )
    # The current licence, kept on the row for the public search (one read per result).
    licence_number = models.CharField(_("licence number"), max_length=20, blank=True)
    licence_key = models.CharField(max_length=20, blank=True, editable=False)
    licence_valid_until = models.DateField(_("licence valid until"), null=True, blank=True)
    last_inspected_on = models.DateField(_("last inspected"), null=True, blank=True)
    last_inspection_result = models.CharField(_("last inspection"), max_length=16, blank=True)
    open_serious_violations = models.PositiveSmallIntegerField(default=0)
    name_key = models.CharField(max_length=200, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FacilityQuerySet.as_manager()

    class Meta:
        ordering = ["name_ar", "pk"]
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")
        indexes = [
            models.Index(fields=["governorate", "kind", "name_key"], name="facility_search"),
            models.Index(fields=["licence_key"], name="facility_licence_key"),
        ]

    def __str__(self) -> str:
        return localized(self, "name") or self.name_ar

    def save(self, *args, **kwargs):
        from core.text import search_key

        self.name_key = search_key(f"{self.name_ar} {self.name_en}")[:200]
        super().save(*args, **kwargs)

    @property
    def licence_is_valid(self) -> bool:
        return (
            self.status == FacilityStatus.LICENSED
            and self.licence_valid_until is not None
            and self.licence_valid_until >= timezone.localdate()
        )


class StaffMember(models.Model):
    """A person working at a facility: seen by inspectors, never by the public."""

    facility = models.ForeignKey(Facility, on_delete=models.CASCADE, related_name="staff")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=100)
    qualification = models.CharField(_("qualification"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("staff member")
        verbose_name_plural = _("staff members")

    def __str__(self) -> str:
        return self.name


class DocumentRequirement(models.Model):
    """A document the licensing asks for, per kind of facility (the ministry edits the list)."""

    kind = models.CharField(_("kind"), max_length=20, choices=FacilityKind.choices)
    name_ar = models.CharField(_("Arabic name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["kind", "position", "pk"]
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")

    def __str__(self) -> str:
        return localized(self, "name")


class Stage(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("state", "Submitted")
    MISSING_DOCUMENTS = "missing_documents", _("Documents missing")
    DOCUMENTS_COMPLETE = "documents_complete", _("Documents complete")
    INSPECTION_SCHEDULED = "inspection_scheduled", _("Inspection scheduled")
    INSPECTED = "inspected", _("Inspected")
    DECIDED = "decided", _("Decided")


class Decision(models.TextChoices):
    LICENCE = "licence", _("Licence")
    CONDITIONAL = "conditional", _("Conditional licence")
    REFUSED = "refused", _("Refused")


class Fee(models.TextChoices):
    UNPAID = "unpaid", _("Not paid yet")
    PAID = "paid", _("Paid")
    WAIVED = "waived", _("Waived")


class LicenceApplication(models.Model):
    """One way to a licence (a first one, or a renewal), step by step."""

    facility = models.ForeignKey(Facility, on_delete=models.PROTECT, related_name="applications")
    renewal = models.BooleanField(_("renewal"), default=False)
    stage = models.CharField(
        _("stage"), max_length=24, choices=Stage.choices, default=Stage.SUBMITTED
    )
    missing = models.TextField(_("what is missing"), blank=True)
    fee = models.CharField(_("fee"), max_length=8, choices=Fee.choices, default=Fee.UNPAID)
    fee_reference = models.CharField(
        _("payment reference or waiver reason"), max_length=200, blank=True
    )
    decision = models.CharField(_("decision"), max_length=16, choices=Decision.choices, blank=True)
    reasons = models.TextField(_("reasons"), blank=True)
    condition_deadline = models.DateField(_("conditions to meet by"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("licence application")
        verbose_name_plural = _("licence applications")

    def __str__(self) -> str:
        return f"{self.facility} · {self.get_stage_display()}"


class LicenceState(models.TextChoices):
    VALID = "valid", _("Valid")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")
    REPLACED = "replaced", _("Replaced by a renewal")


class Licence(models.Model):
    facility = models.ForeignKey(Facility, on_delete=models.PROTECT, related_name="licences")
    application = models.OneToOneField(
        LicenceApplication, on_delete=models.PROTECT, related_name="licence"
    )
    number = models.CharField(_("licence number"), max_length=20)
    key = models.CharField(max_length=20, editable=False)
    issued_on = models.DateField(_("issued on"))
    valid_until = models.DateField(_("valid until"))
    conditional = models.BooleanField(_("conditional"), default=False)
    state = models.CharField(
        _("state"), max_length=12, choices=LicenceState.choices, default=LicenceState.VALID
    )
    state_reason = models.TextField(_("reason"), blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("licence")
        verbose_name_plural = _("licences")

    def __str__(self) -> str:
        return self.number


class Area(models.TextChoices):
    SAFETY = "safety", _("Safety")
    HYGIENE = "hygiene", _("Hygiene")
    STAFF_RATIOS = "staff_ratios", _("Staff ratios")
    RECORDS = "records", _("Records")
    PROTECTION = "protection", _("Child and resident protection")


class ChecklistItem(models.Model):
    """One point an inspector checks, per kind of facility (the ministry edits the list)."""

    kind = models.CharField(_("kind"), max_length=20, choices=FacilityKind.choices)
    area = models.CharField(_("area"), max_length=16, choices=Area.choices)
    text_ar = models.CharField(_("Arabic text"), max_length=300)
    text_en = models.CharField(_("English text"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["kind", "position", "pk"]
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")

    def __str__(self) -> str:
        return localized(self, "text")


class Result(models.TextChoices):
    """An inspection's outcome in the regulator's terms, not an exam's."""

    PASSED = "passed", _("Standards met")
    PASSED_WITH_REMARKS = "remarks", _("Standards partly met")
    FAILED = "failed", _("Standards not met")


class Inspection(models.Model):
    facility = models.ForeignKey(Facility, on_delete=models.PROTECT, related_name="inspections")
    application = models.ForeignKey(
        LicenceApplication,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="inspections",
    )
    follow_up_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="follow_ups"
    )
    inspector = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="inspections"
    )
    due_on = models.DateField(_("due on"))
    done_at = models.DateTimeField(_("inspected"), null=True, blank=True)
    result = models.CharField(_("result"), max_length=16, choices=Result.choices, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")
        indexes = [models.Index(fields=["done_at", "due_on"], name="inspections_due")]

    def __str__(self) -> str:
        return f"{self.facility} · {self.due_on}"


class Score(models.TextChoices):
    MET = "met", _("Met")
    PARTLY = "partly", _("Partly met")
    NOT_MET = "not_met", _("Not met")


class ItemResult(models.Model):
    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="items")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="+")
    score = models.CharField(_("score"), max_length=8, choices=Score.choices)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("checklist answer")
        verbose_name_plural = _("checklist answers")
        constraints = [
            models.UniqueConstraint(fields=["inspection", "item"], name="one_answer_per_item")
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.score}"


def photo_path(instance, filename) -> str:
    return f"inspections/{instance.inspection_id}/{instance.stored_name}"


class InspectionPhoto(StoredFile):
    """A photo an inspector took of a checklist item (cleaned of its GPS and metadata)."""

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="photos")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="+")
    file = models.FileField(upload_to=photo_path, max_length=200)

    class Meta:
        verbose_name = _("inspection photo")
        verbose_name_plural = _("inspection photos")


class InspectionDraft(models.Model):
    """What the inspector has recorded so far, section by section: kept on the server, so
    a refused section or a lost connection loses nothing (photos are kept at once)."""

    inspection = models.OneToOneField(Inspection, on_delete=models.CASCADE, related_name="draft")
    answers = models.JSONField(default=dict)  # item id (as text) → {"score", "note"}
    findings = models.JSONField(default=list)  # {"severity", "description", "correct_by"}
    corrected = models.JSONField(default=list)  # ids of earlier violations seen corrected
    notes = models.TextField(blank=True)
    sections_done = models.JSONField(default=list)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("inspection in progress")
        verbose_name_plural = _("inspections in progress")

    def __str__(self) -> str:
        return str(self.inspection)


class Severity(models.TextChoices):
    MINOR = "minor", _("Minor")
    MAJOR = "major", _("Major")
    SERIOUS = "serious", _("Serious")


class ViolationState(models.TextChoices):
    OPEN = "open", _("Open")
    CORRECTED = "corrected", _("Corrected")
    ESCALATED = "escalated", _("Escalated")


class Violation(models.Model):
    facility = models.ForeignKey(Facility, on_delete=models.PROTECT, related_name="violations")
    inspection = models.ForeignKey(Inspection, on_delete=models.PROTECT, related_name="violations")
    item = models.ForeignKey(
        ChecklistItem, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    severity = models.CharField(_("severity"), max_length=8, choices=Severity.choices)
    description = models.TextField(_("what was found"))
    correct_by = models.DateField(_("to correct by"))
    state = models.CharField(
        _("state"), max_length=10, choices=ViolationState.choices, default=ViolationState.OPEN
    )
    closed_by = models.ForeignKey(
        Inspection, null=True, blank=True, on_delete=models.PROTECT, related_name="closed"
    )

    class Meta:
        ordering = ["correct_by", "pk"]
        verbose_name = _("violation")
        verbose_name_plural = _("violations")

    def __str__(self) -> str:
        return f"{self.get_severity_display()}: {self.description[:40]}"
