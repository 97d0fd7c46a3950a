from django.contrib import admin

from core.admin import AuditedModelAdmin, CleanInline
from maturity.models import Dimension, Statement


class StatementInline(CleanInline):
    model = Statement
    extra = 0


@admin.register(Dimension)
class DimensionAdmin(AuditedModelAdmin):
    list_display = ("code", "name_ar", "name_en", "position")
    inlines = [StatementInline]
