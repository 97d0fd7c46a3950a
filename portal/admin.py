from django.contrib import admin

from core.admin import AuditedModelAdmin
from portal.models import Service


@admin.register(Service)
class ServiceAdmin(AuditedModelAdmin):
    list_display = ["code", "title_ar", "title_en", "audience", "position"]
    list_filter = ["audience"]
    search_fields = ["code", "title_ar", "title_en"]
