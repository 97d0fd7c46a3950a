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
from core.formsets import Rows
from core.models import Governorate
from core.reference import governorates


class CheckForm(forms.Form):
    # A search or a filter: nothing is required, so no box is marked optional.
    is_filter = True

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


class SectionForm(forms.Form):
    """One area of the checklist: each item scored, with a note and a photo if need be."""

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"score_{item.pk}"] = forms.ChoiceField(
                label=str(item), choices=Score.choices, widget=forms.RadioSelect
            )
            note = CleanCharField(label=_("Note"), required=False, max_length=1000)
            photo = UploadField(label=_("Photo"), required=False)
            # Every item has a "Note" and a "Photo": the error summary says whose.
            note.summary_label = f"{item} · {note.label}"
            photo.summary_label = f"{item} · {photo.label}"
            self.fields[f"note_{item.pk}"], self.fields[f"photo_{item.pk}"] = note, photo

    def item_rows(self):
        return [
            (self[f"score_{i.pk}"], self[f"note_{i.pk}"], self[f"photo_{i.pk}"], i)
            for i in self.items
        ]

    def answers(self) -> dict:
        return {
            item.pk: (self.cleaned_data[f"score_{item.pk}"], self.cleaned_data[f"note_{item.pk}"])
            for item in self.items
        }

    def photos(self) -> dict:
        """The photos that arrived sound, even on a page refused for another field."""
        data = getattr(self, "cleaned_data", {})
        return {
            item: data[f"photo_{item.pk}"] for item in self.items if data.get(f"photo_{item.pk}")
        }


class FindingForm(forms.Form):
    """One violation found: how serious, what, and the date to correct it by."""

    severity = forms.ChoiceField(
        label=_("Severity"), choices=[("", _("Choose the severity")), *Severity.choices]
    )
    description = CleanCharField(label=_("What was found"), max_length=1000)
    correct_by = DayField(label=_("To correct by"))

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_correct_by(self):
        due = self.cleaned_data["correct_by"]
        if due < self.today:
            raise ValidationError(_("Give a date from today on."))
        return due

    def finding(self) -> Finding:
        data = self.cleaned_data
        return Finding(data["severity"], data["description"], data["correct_by"])


class FindingRows(Rows):
    row_name = _("Violation %(number)s")


FindingFormSet = forms.formset_factory(
    FindingForm, formset=FindingRows, extra=0, can_delete=True, max_num=30
)


class FindingsNotesForm(forms.Form):
    """Earlier violations seen corrected, and the inspector's general notes."""

    notes = CleanCharField(
        label=_("General notes"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, open_violations, **kwargs):
        super().__init__(*args, **kwargs)
        self.open_violations = list(open_violations)
        if self.open_violations:
            self.fields["corrected"] = forms.MultipleChoiceField(
                label=_("Earlier violations now corrected"),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=[(v.pk, str(v)) for v in self.open_violations],
            )
            self.order_fields(["corrected", "notes"])

    def corrected_violations(self) -> set[int]:
        return {int(pk) for pk in self.cleaned_data.get("corrected", [])}


class ApplyForm(forms.Form):
    """An operator registers a facility and asks for its licence."""

    kind = forms.ChoiceField(label=_("Kind"), choices=FacilityKind.choices)
    name_ar = CleanCharField(label=_("Name in Arabic"), max_length=200, language="ar")
    name_en = CleanCharField(
        label=_("Name in English"), max_length=200, required=False, language="en"
    )
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
