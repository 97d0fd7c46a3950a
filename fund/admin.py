from django.contrib import admin

from core.admin import AuditedModelAdmin, CleanInline, CleanInputAdmin
from fund.models import Application, BudgetLine, Call, Criterion, RequiredDocument


class CriterionInline(CleanInline):
    model = Criterion
    extra = 0


class RequiredDocumentInline(CleanInline):
    model = RequiredDocument
    extra = 0


@admin.register(Call)
class CallAdmin(AuditedModelAdmin):
    """Fund officers write calls here until the fund's own pages have them."""

    list_display = ["code", "title_ar", "opens_at", "closes_at", "total_budget", "status"]
    list_filter = ["status", "stages", "review_mode"]
    filter_horizontal = ["governorates", "fields"]
    inlines = [CriterionInline, RequiredDocumentInline]


class BudgetLineInline(CleanInline):
    model = BudgetLine
    extra = 0


@admin.register(Application)
class ApplicationAdmin(CleanInputAdmin, admin.ModelAdmin):
    list_display = ["__str__", "call", "organization", "status", "requested_amount", "submitted_at"]
    list_filter = ["status", "call"]
    inlines = [BudgetLineInline]

    def has_change_permission(self, request, obj=None):
        return False  # applications change through their actions, each audited
