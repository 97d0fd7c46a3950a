from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.admin import AuditedModelAdmin
from core.audit import client_ip
from core.uploads import IMAGE_FORMATS
from portal import publishing
from portal.models import Event, NewsItem, Page, Picture, Service, State
from portal.pictures import prepare_picture


@admin.register(Service)
class ServiceAdmin(AuditedModelAdmin):
    list_display = ["code", "title_ar", "title_en", "audience", "position"]
    list_filter = ["audience"]
    search_fields = ["code", "title_ar", "title_en"]


@admin.register(Picture)
class PictureAdmin(AuditedModelAdmin):
    list_display = ["display_name", "width", "height", "size", "uploaded_at"]
    fields = ["display_name", "width", "height", "size", "content_type"]
    readonly_fields = ["width", "height", "size", "content_type"]

    def has_add_permission(self, request):
        return False  # added from a news item's or an event's own form


# The buttons under a piece's form, each one step of publishing.
STEPS = {
    "_submit_for_review": publishing.submit,
    "_approve": publishing.approve,
    "_withdraw": publishing.withdraw,
}


class IllustratedForm(forms.ModelForm):
    upload = forms.FileField(
        label=_("New picture"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(IMAGE_FORMATS)}),
        help_text=_("JPEG, PNG or WebP, at most 10 MB; it replaces the picture above."),
    )

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        return prepare_picture(upload) if upload else None

    def clean(self):
        data = super().clean()
        picture = data.get("upload") or data.get("picture")
        if picture and not (data.get("picture_alt_ar") or data.get("picture_alt_en")):
            raise ValidationError(_("Say what the picture shows, for readers who cannot see it."))
        return data

    def save(self, commit=True):
        # The new picture is kept only now, once everything else on the form is valid.
        if self.cleaned_data.get("upload"):
            self.instance.picture = self.cleaned_data["upload"].keep()
        return super().save(commit)


class PublishableAdmin(AuditedModelAdmin):
    """Editors write and send for review; reviewers approve, schedule and take down. A
    published piece can only be changed by a reviewer, so nothing goes live unread."""

    change_form_template = "admin/portal/publishable_change_form.html"
    list_display = ["__str__", "status", "translation", "publish_at"]
    list_filter = ["state"]
    search_fields = ["title_ar", "title_en"]
    date_hierarchy = "publish_at"
    readonly_fields = ["status", "translation"]

    @admin.display(description=_("state"))
    def status(self, piece):
        return piece.status_label if piece.pk else State.DRAFT.label

    @admin.display(description=_("translation"))
    def translation(self, piece):
        missing = piece.missing_languages if piece.pk else ["ar", "en"]
        if not missing:
            return _("Arabic and English")
        if missing == ["en"]:
            return _("English missing")
        if missing == ["ar"]:
            return _("Arabic missing")
        return _("Not written yet")

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is not None and obj.state == State.APPROVED:
            return allowed and publishing.can_publish(request.user, obj)
        return allowed

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["steps"] = self._steps_for(request.user, obj)
        return super().render_change_form(request, context, add, change, form_url, obj)

    @staticmethod
    def _steps_for(user, piece) -> list[tuple[str, str]]:
        if piece is None or piece.state == State.DRAFT:
            return [("_submit_for_review", _("Save and send for review"))]
        steps = []
        if piece.state == State.IN_REVIEW and publishing.can_publish(user, piece):
            steps.append(("_approve", _("Approve and publish")))
        if piece.state == State.IN_REVIEW or publishing.can_publish(user, piece):
            steps.append(("_withdraw", _("Return to draft")))
        return steps

    def response_add(self, request, obj, post_url_continue=None):
        return self._take_step(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def response_change(self, request, obj):
        return self._take_step(request, obj) or super().response_change(request, obj)

    def _take_step(self, request, piece):
        step = next((STEPS[name] for name in STEPS if name in request.POST), None)
        if step is None:
            return None
        try:
            step(piece, by=request.user, ip=client_ip(request))
        except publishing.PublishingError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            piece.refresh_from_db()
            self.message_user(request, _("Saved: %(state)s.") % {"state": piece.status_label})
        # Back to the piece itself, in its new state (not to a blank "add" form).
        meta = piece._meta
        return HttpResponseRedirect(
            reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[piece.pk])
        )


@admin.register(NewsItem)
class NewsItemAdmin(PublishableAdmin):
    form = IllustratedForm
    list_display = ["__str__", "kind", "status", "translation", "publish_at"]
    list_filter = ["state", "kind", "governorate"]
    fields = [
        "status",
        "translation",
        "kind",
        "publish_at",
        ("title_ar", "title_en"),
        ("summary_ar", "summary_en"),
        ("body_ar", "body_en"),
        "picture",
        "upload",
        ("picture_alt_ar", "picture_alt_en"),
        "governorate",
    ]


@admin.register(Event)
class EventAdmin(PublishableAdmin):
    form = IllustratedForm
    list_display = ["__str__", "starts_at", "status", "translation", "publish_at"]
    list_filter = ["state", "governorate"]
    fields = [
        "status",
        "translation",
        "publish_at",
        ("title_ar", "title_en"),
        ("starts_at", "ends_at"),
        ("place_ar", "place_en"),
        "governorate",
        ("summary_ar", "summary_en"),
        ("body_ar", "body_en"),
        "picture",
        "upload",
        ("picture_alt_ar", "picture_alt_en"),
    ]


@admin.register(Page)
class PageAdmin(PublishableAdmin):
    list_display = ["__str__", "slug", "status", "translation", "in_footer"]
    fields = [
        "status",
        "translation",
        "slug",
        "in_footer",
        "publish_at",
        ("title_ar", "title_en"),
        ("summary_ar", "summary_en"),
        ("body_ar", "body_en"),
    ]
