from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from complaints.api_keys import issue
from complaints.models import (
    ApiKey,
    Category,
    Delivery,
    Holiday,
    PlatformOutbox,
    Queue,
    ReplyTemplate,
    RoutingRule,
    ServiceLevel,
)
from core.admin import AuditedModelAdmin, CleanInputAdmin
from core.audit import client_ip, record


@admin.register(Category)
class CategoryAdmin(AuditedModelAdmin):
    list_display = ["code", "name_ar", "name_en", "is_active", "position"]
    list_editable = ["is_active", "position"]

    def get_readonly_fields(self, request, obj=None):
        return ["code"] if obj else []  # codes are part of the API


@admin.register(Queue)
class QueueAdmin(AuditedModelAdmin):
    list_display = ["code", "name_ar", "governorate", "head"]
    raw_id_fields = ["head"]


@admin.register(RoutingRule)
class RoutingRuleAdmin(AuditedModelAdmin):
    list_display = ["category", "governorate", "queue"]


@admin.register(ServiceLevel)
class ServiceLevelAdmin(AuditedModelAdmin):
    list_display = ["urgency", "category", "first_response_hours", "resolution_hours"]


@admin.register(Holiday)
class HolidayAdmin(AuditedModelAdmin):
    list_display = ["date", "name_ar", "name_en"]


@admin.register(ReplyTemplate)
class ReplyTemplateAdmin(AuditedModelAdmin):
    list_display = ["title_en", "title_ar", "category"]


@admin.register(PlatformOutbox)
class PlatformOutboxAdmin(CleanInputAdmin, admin.ModelAdmin):
    """What is pending, failing and delivered to the national platform; read-only."""

    list_display = [
        "pk",
        "case",
        "state",
        "attempts",
        "next_attempt_at",
        "delivered_at",
        "short_error",
    ]
    list_filter = ["state"]
    search_fields = ["case__tracking_number", "case__external_reference"]
    actions = ["retry_now"]

    @admin.display(description=_("last error"))
    def short_error(self, obj):
        return obj.last_error[:80]

    @admin.action(description=_("Retry the chosen updates now"))
    def retry_now(self, request, queryset):
        count = queryset.filter(state=Delivery.PENDING).update(next_attempt_at=timezone.now())
        record(
            "complaints.outbox_retry",
            actor=request.user,
            ip=client_ip(request),
            data={"count": count},
        )
        messages.success(
            request,
            ngettext(
                "%(count)d update will be sent on the next round.",
                "%(count)d updates will be sent on the next round.",
                count,
            )
            % {"count": count},
        )

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ApiKey)
class ApiKeyAdmin(CleanInputAdmin, admin.ModelAdmin):
    """Issue keys here: the key is shown once, in the message after saving."""

    list_display = ["name", "prefix", "is_active", "created_at"]
    fields = ["name", "is_active"]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            record(
                "complaints.api_key_changed",
                actor=request.user,
                obj=obj,
                ip=client_ip(request),
                data={"active": obj.is_active},
            )
            return
        issued, key = issue(obj.name, by=request.user)
        obj.pk, obj.prefix, obj.digest = issued.pk, issued.prefix, issued.digest
        obj._state.adding = False
        messages.warning(request, _("The new key, shown only now: %(key)s") % {"key": key})

    def has_delete_permission(self, request, obj=None):
        return False  # switch a key off instead, so the audit trail keeps its name
