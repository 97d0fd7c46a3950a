from django.contrib import admin

from core.admin import AuditedModelAdmin, CleanInline
from registry.models import FieldOfActivity, Membership, Organization, ProfileChangeRequest


@admin.register(FieldOfActivity)
class FieldOfActivityAdmin(AuditedModelAdmin):
    list_display = ["code", "name_ar", "name_en"]


class MembershipInline(CleanInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(AuditedModelAdmin):
    list_display = ["registration_number", "name_ar", "kind", "governorate", "status"]
    list_filter = ["kind", "status", "governorate"]
    search_fields = ["registration_number", "name_ar", "name_en"]
    raw_id_fields = ["federation"]
    inlines = [MembershipInline]


@admin.register(ProfileChangeRequest)
class ProfileChangeRequestAdmin(AuditedModelAdmin):
    """Read-only here: decisions go through the directorate's page and its audit entry."""

    list_display = ["organization", "status", "submitted_at", "decided_at"]
    list_filter = ["status"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
