from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _

from core.admin import CleanInputAdmin
from triage import registry
from triage.models import Label, ModelVersion, Proposal


@admin.register(ModelVersion)
class ModelVersionAdmin(CleanInputAdmin, admin.ModelAdmin):
    """Versions are made by training (manage.py triage retrain); here they are activated."""

    list_display = ["number", "created_at", "rows", "is_active", "activated_at", "notes"]
    readonly_fields = [f.name for f in ModelVersion._meta.fields]
    actions = ["activate"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description=_("Activate the chosen version (it proposes from now on)"))
    def activate(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, _("Choose exactly one version."), messages.ERROR)
            return
        version = registry.activate(queryset.get(), by=request.user)
        self.message_user(request, _("Version %(number)s is active.") % {"number": version.number})


@admin.register(Proposal)
class ProposalAdmin(CleanInputAdmin, admin.ModelAdmin):
    list_display = ["case", "category_code", "confidence", "urgency", "possibly_critical", "state"]
    list_filter = ["state", "possibly_critical", "version"]
    readonly_fields = [f.name for f in Proposal._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(Label)
class LabelAdmin(CleanInputAdmin, admin.ModelAdmin):
    list_display = ["case", "category_code", "urgency", "corrected", "by", "at"]
    list_filter = ["corrected"]
    readonly_fields = [f.name for f in Label._meta.fields]

    def has_add_permission(self, request):
        return False
