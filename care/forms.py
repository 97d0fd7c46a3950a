from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from care.inspections import Finding
from care.models import FacilityKind, Score, Severity
from core.forms import (
    CleanCharField,
    CleanIntegerField,
    DayField,
    ReferenceChoiceField,
    UploadField,
)
from core.models import Governorate
from core.reference import governorates


class CheckForm(forms.Form):
    number = CleanCharField(label=_("Licence number"), required=False, max_length=40)
    name = CleanCharField(label=_("Name"), required=False, max_length=100)
    governorate = ReferenceChoiceField(
        Governorate.objects.all(),
        rows=governorates,
        label=_("Governorate"),
        required=False,
        empty_label=_("Any governorate"),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any kind")), *FacilityKind.choices]
    )

    def has_criteria(self) -> bool:
        return any(self.cleaned_data.get(name) for name in self.fields)


class InspectionForm(forms.Form):
    """Every checklist item scored with a note; earlier violations seen corrected; new
    violations, up to three, each with a severity and a date to correct it by."""

    NEW_VIOLATIONS = 3
    notes = CleanCharField(
        label=_("General notes"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, items, open_violations, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.items, self.open_violations, self.today = items, list(open_violations), today
        for item in items:
            self.fields[f"score_{item.pk}"] = forms.ChoiceField(
                label=str(item), choices=Score.choices, widget=forms.RadioSelect
            )
            self.fields[f"note_{item.pk}"] = CleanCharField(
                label=_("Note"), required=False, max_length=1000
            )
            self.fields[f"photo_{item.pk}"] = UploadField(label=_("Photo"), required=False)
        if self.open_violations:
            self.fields["corrected"] = forms.MultipleChoiceField(
                label=_("Earlier violations now corrected"),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=[(v.pk, str(v)) for v in self.open_violations],
            )
        for n in range(self.NEW_VIOLATIONS):
            self.fields[f"v{n}_severity"] = forms.ChoiceField(
                label=_("Severity"), required=False, choices=[("", "—"), *Severity.choices]
            )
            self.fields[f"v{n}_description"] = CleanCharField(
                label=_("What was found"), required=False, max_length=1000
            )
            self.fields[f"v{n}_correct_by"] = DayField(label=_("To correct by"), required=False)

    def item_rows(self):
        return [
            (self[f"score_{i.pk}"], self[f"note_{i.pk}"], self[f"photo_{i.pk}"], i)
            for i in self.items
        ]

    def photos(self) -> dict:
        return {
            item.pk: self.cleaned_data[f"photo_{item.pk}"]
            for item in self.items
            if self.cleaned_data.get(f"photo_{item.pk}")
        }

    def violation_rows(self):
        return [
            (self[f"v{n}_severity"], self[f"v{n}_description"], self[f"v{n}_correct_by"])
            for n in range(self.NEW_VIOLATIONS)
        ]

    def clean(self):
        data = super().clean()
        for n in range(self.NEW_VIOLATIONS):
            severity = data.get(f"v{n}_severity")
            if not severity:
                continue
            if not data.get(f"v{n}_description"):
                self.add_error(f"v{n}_description", _("Say what was found."))
            due = data.get(f"v{n}_correct_by")
            if due is None or due < self.today:
                self.add_error(f"v{n}_correct_by", ValidationError(_("Give a date from today on.")))
        return data

    def answers(self) -> dict:
        return {
            item.pk: (self.cleaned_data[f"score_{item.pk}"], self.cleaned_data[f"note_{item.pk}"])
            for item in self.items
        }

    def findings(self) -> list[Finding]:
        return [
            Finding(
                severity=self.cleaned_data[f"v{n}_severity"],
                description=self.cleaned_data[f"v{n}_description"],
                correct_by=self.cleaned_data[f"v{n}_correct_by"],
            )
            for n in range(self.NEW_VIOLATIONS)
            if self.cleaned_data.get(f"v{n}_severity")
        ]

    def corrected_violations(self) -> set[int]:
        return {int(pk) for pk in self.cleaned_data.get("corrected", [])}


class ApplyForm(forms.Form):
    """An operator registers a facility and asks for its licence."""

    kind = forms.ChoiceField(label=_("Kind"), choices=FacilityKind.choices)
    name_ar = CleanCharField(label=_("Name in Arabic"), max_length=200)
    name_en = CleanCharField(label=_("Name in English"), max_length=200, required=False)
    governorate = ReferenceChoiceField(
        Governorate.objects.all(), rows=governorates, label=_("Governorate")
    )
    address = CleanCharField(label=_("Address"), max_length=300)
    capacity = CleanIntegerField(label=_("Places"), min_value=1, max_value=2000)
    organization = forms.ModelChoiceField(
        queryset=None,
        label=_("Operated by"),
        required=False,
        empty_label=_("Myself (a person)"),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        from registry.models import Organization

        self.fields["organization"].queryset = Organization.objects.filter(memberships__user=user)
