from django.contrib import admin

from care.models import ChecklistItem, DocumentRequirement, Facility, StaffMember
from core.admin import AuditedModelAdmin, CleanInline


@admin.register(ChecklistItem)
class ChecklistItemAdmin(AuditedModelAdmin):
    """The ministry edits the inspection checklists here (retire an item: untick it)."""

    list_display = ["kind", "area", "text_ar", "position", "is_active"]
    list_filter = ["kind", "area", "is_active"]
    list_editable = ["position", "is_active"]


@admin.register(DocumentRequirement)
class DocumentRequirementAdmin(AuditedModelAdmin):
    list_display = ["kind", "name_ar", "name_en", "position"]
    list_filter = ["kind"]


class StaffInline(CleanInline):
    model = StaffMember
    extra = 0


@admin.register(Facility)
class FacilityAdmin(AuditedModelAdmin):
    """Facilities are registered here; their licences change only through the desk."""

    list_display = ["name_ar", "kind", "governorate", "status", "licence_number"]
    list_filter = ["kind", "status", "governorate"]
    search_fields = ["name_ar", "name_en", "licence_number"]
    readonly_fields = [
        "status", "licence_number", "licence_valid_until", "last_inspected_on",
        "last_inspection_result", "open_serious_violations",
    ]  # fmt: skip
    inlines = [StaffInline]
