from django.contrib import admin
from django.db import models

from core.audit import client_ip, record
from core.forms import CleanCharField, language_of, number_form_class, written_in
from core.models import AuditEntry, Governorate


class CleanInputAdmin(admin.options.BaseModelAdmin):
    """Admin forms, of models and of inlines, read what is typed as every other form does."""

    # Django 6 assumes https for typed addresses; say so now rather than rely on http.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # Text typed here loses invisible and bidi-control characters and odd digits, as
        # in every other form. Only plain text: slugs, e-mails and choices keep their own.
        if type(db_field) in (models.CharField, models.TextField) and not db_field.choices:
            kwargs.setdefault("form_class", CleanCharField)
        # Numbers accept Arabic-Indic digits: the admin's own number box would drop them.
        elif number_class := number_form_class(db_field):
            kwargs["form_class"] = number_class
            kwargs["widget"] = number_class.widget()
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        # The English of a pair is typed left to right, the Arabic right to left, whatever
        # the page's language.
        if formfield is not None and (language := language_of(db_field.name)):
            written_in(formfield.widget, language)
        return formfield


class CleanInline(CleanInputAdmin, admin.TabularInline):
    """The one base of Sanad's inline tables."""


class AuditedModelAdmin(CleanInputAdmin, admin.ModelAdmin):
    """An admin whose every save and delete leaves an audit entry, like any other write."""

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        action = "changed" if change else "added"
        record(
            f"admin.{action}",
            actor=request.user,
            obj=obj,
            ip=client_ip(request),
            data={"fields": sorted(form.changed_data)},
        )

    def delete_model(self, request, obj):
        record(
            "admin.deleted",
            actor=request.user,
            obj=obj,
            ip=client_ip(request),
            data={"repr": str(obj)},
        )
        super().delete_model(request, obj)

    def save_formset(self, request, form, formset, change):
        """Inline rows (an organization's members, say) are audited like the parent."""
        ip = client_ip(request)
        for deleted in formset.deleted_forms:
            if deleted.instance.pk:
                record(
                    "admin.deleted",
                    actor=request.user,
                    obj=deleted.instance,
                    ip=ip,
                    data={"repr": str(deleted.instance)},
                )
        super().save_formset(request, form, formset, change)
        for obj in formset.new_objects:
            record("admin.added", actor=request.user, obj=obj, ip=ip)
        for obj, fields in formset.changed_objects:
            record(
                "admin.changed", actor=request.user, obj=obj, ip=ip, data={"fields": sorted(fields)}
            )

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_model(request, obj)


@admin.register(Governorate)
class GovernorateAdmin(AuditedModelAdmin):
    list_display = ["code", "name_ar", "name_en"]


@admin.register(AuditEntry)
class AuditEntryAdmin(CleanInputAdmin, admin.ModelAdmin):
    """Read-only: the audit log has no change or delete path, here or anywhere."""

    list_display = ["seq", "at", "actor_label", "action", "object_type", "object_id", "ip"]
    list_filter = ["action", "object_type"]
    search_fields = ["actor_label", "object_id", "reason"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


def read_input_as_sanad_does(site: admin.AdminSite) -> None:
    """The admin pages that libraries bring (second-factor devices, sign-in logs, tasks)
    read typed text and numbers as Sanad's own do."""
    for model, model_admin in list(site._registry.items()):
        if not isinstance(model_admin, CleanInputAdmin):
            cls = type(model_admin)
            site.unregister(model)
            site.register(model, type(cls.__name__, (CleanInputAdmin, cls), {}))
