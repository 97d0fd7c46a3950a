from django.contrib import admin

from core.admin import AuditedModelAdmin
from impact.models import Indicator, Programme, SdgTarget


@admin.register(Indicator)
class IndicatorAdmin(AuditedModelAdmin):
    list_display = ("code", "name_ar", "name_en", "aggregation", "direction")
    list_filter = ("aggregation",)
    filter_horizontal = ("sdg_targets",)
    search_fields = ("code", "name_ar", "name_en")


@admin.register(Programme)
class ProgrammeAdmin(AuditedModelAdmin):
    list_display = ("code", "name_ar", "name_en", "starts_on", "ends_on")


@admin.register(SdgTarget)
class SdgTargetAdmin(AuditedModelAdmin):
    list_display = ("code", "goal", "title_en")
    search_fields = ("code", "title_ar", "title_en")
