from django.contrib import admin

from core.admin import AuditedModelAdmin
from maturity.models import Dimension, Statement


class StatementInline(admin.TabularInline):
    model = Statement
    extra = 0


@admin.register(Dimension)
class DimensionAdmin(AuditedModelAdmin):
    list_display = ("code", "name_ar", "name_en", "position")
    inlines = [StatementInline]
