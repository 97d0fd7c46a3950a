from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CleanCharField, PhoneField, needed_only
from core.models import Governorate
from registry.models import FieldOfActivity, OrganizationKind


class SearchForm(forms.Form):
    # A search or a filter: nothing is required, so no box is marked optional.
    is_filter = True

    q = CleanCharField(label=_("Name or registration number"), max_length=200, required=False)
    governorate = forms.ModelChoiceField(
        Governorate.objects.all(),
        label=_("Governorate"),
        required=False,
        empty_label=_("All governorates"),
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("All kinds")), *OrganizationKind.choices],
    )
    field = forms.ModelChoiceField(
        FieldOfActivity.objects.all(),
        label=_("Field of activity"),
        required=False,
        to_field_name="code",
        empty_label=_("All fields"),
    )

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("q"):
            queryset = queryset.search(data["q"])
        if data.get("governorate"):
            queryset = queryset.filter(governorate=data["governorate"])
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        if data.get("field"):
            queryset = queryset.filter(fields=data["field"])
        return queryset


class ChangeProposalForm(forms.Form):
    name_en = CleanCharField(label=_("English name"), max_length=255, required=False, language="en")
    address = CleanCharField(label=_("Address"), max_length=300, required=False)
    phone = PhoneField(label=_("Phone"), required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    fields = forms.ModelMultipleChoiceField(
        FieldOfActivity.objects.all(),
        label=_("Fields of activity"),
        required=False,
        to_field_name="code",
        widget=forms.CheckboxSelectMultiple,
    )
    note = CleanCharField(
        label=_("Note for the directorate (why the change)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def proposed(self) -> dict:
        values = {k: v for k, v in self.cleaned_data.items() if k not in {"fields", "note"}}
        values["fields"] = sorted(field.code for field in self.cleaned_data["fields"])
        return values


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[("approve", _("Approve the change")), ("reject", _("Reject the change"))],
    )
    reason = needed_only(
        _("(needed to reject; the organization reads it)"),
        CleanCharField(
            label=_("Reason"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
        ),
    )
