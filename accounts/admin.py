from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.admin import AuditedModelAdmin
from core.audit import client_ip, record


@admin.register(User)
class UserAdmin(AuditedModelAdmin, DjangoUserAdmin):
    list_display = ["username", "email", "role", "governorate", "is_active"]
    list_filter = ["role", "governorate", "is_external_reviewer", "is_active"]
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (
            _("Role and scope"),
            {
                "fields": (
                    "role",
                    "governorate",
                    "is_external_reviewer",
                    "phone",
                    "preferred_language",
                )
            },
        ),
    )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The page shows a person's contact details: each look at it is logged."""
        if request.method == "GET":
            user = self.get_object(request, object_id)
            if user is not None:
                record(
                    "accounts.personal_data_viewed",
                    actor=request.user,
                    obj=user,
                    ip=client_ip(request),
                )
        return super().change_view(request, object_id, form_url, extra_context)
