from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.forms import (
    CleanCharField,
    ConfirmField,
    DayField,
    NationalIdField,
    PhoneField,
    ReferenceChoiceField,
    needed_only,
)
from core.models import Governorate
from core.national_id import parse_national_id
from core.reference import governorates
from training.models import Sex, TargetGroup


class ReadsTheNationalId:
    """Sex and year of birth are read from the national ID, not asked for again."""

    def clean(self):
        data = super().clean()
        if data.get("national_id"):
            person = parse_national_id(data["national_id"])
            data["sex"], data["birth_year"] = str(person.sex), person.birth_date.year
        return data


class CheckInForm(ReadsTheNationalId, forms.Form):
    """Register someone at the door (by national ID, or phone for those without one) and
    enrol them; a person already known is found, not registered twice."""

    national_id = needed_only(
        _("(or a phone)"),
        NationalIdField(
            label=_("National ID"), help_text=_("Sex and year of birth are read from it.")
        ),
    )
    phone = needed_only(_("(or a national ID)"), PhoneField(label=_("Phone")))
    name = CleanCharField(label=_("Name"), max_length=200)
    sex = needed_only(
        _("(without a national ID)"),
        forms.ChoiceField(label=_("Sex"), choices=[("", "—"), *Sex.choices]),
    )
    target_group = forms.ChoiceField(label=_("Group"), choices=TargetGroup.choices)
    governorate = ReferenceChoiceField(
        Governorate.objects.all(), rows=governorates, label=_("Governorate"), required=False
    )

    def clean(self):
        data = super().clean()
        if not data.get("national_id") and not data.get("phone"):
            raise forms.ValidationError(_("Give a national ID or a phone number."))
        if not data.get("national_id") and not data.get("sex"):
            self.add_error("sex", _("Choose the sex: there is no national ID to read it from."))
        return data


class TestForm(forms.Form):
    """One radio group per question, in the reader's language."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            self.fields[f"q{question.pk}"] = forms.TypedChoiceField(
                label=str(question),
                coerce=int,
                widget=forms.RadioSelect,
                choices=[
                    (index, choice.get("en") if get_language() == "en" else choice.get("ar"))
                    for index, choice in enumerate(question.choices)
                ],
            )

    def answers(self) -> dict[int, int]:
        return {q.pk: self.cleaned_data[f"q{q.pk}"] for q in self.questions}


class CorrectionForm(TestForm):
    """The answers of a test typed again, with why the result is corrected."""

    reason = CleanCharField(
        label=_("Why is the result corrected?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: answers tapped wrongly on the tablet. Kept in the audit log."),
    )


class CloseCohortForm(forms.Form):
    reason = CleanCharField(
        label=_("Why close it before its last session?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Say why the cohort closes before its last session.")},
    )
    confirm = ConfirmField(
        label=_(
            "Close the cohort and issue the certificates: this cannot be undone, and "
            "attendance and tests can no longer change."
        )
    )

    def __init__(self, *args, early: bool, **kwargs):
        super().__init__(*args, **kwargs)
        # Asked only while sessions are still to come, and then always needed.
        if not early:
            del self.fields["reason"]


class PeriodForm(forms.Form):
    # A search or a filter: nothing is required, so no box is marked optional.
    is_filter = True

    start = DayField(label=_("From"), required=False)
    end = DayField(label=_("To"), required=False)


class StaffForm(ReadsTheNationalId, forms.Form):
    """An organization's administrator registers a member of its staff for training."""

    national_id = NationalIdField(
        label=_("National ID"), help_text=_("Sex and year of birth are read from it.")
    )
    name = CleanCharField(label=_("Name"), max_length=200)


class EnrolStaffForm(forms.Form):
    trainee = forms.ModelChoiceField(queryset=None, label=_("Staff member"))
    cohort = forms.ModelChoiceField(queryset=None, label=_("Cohort"))

    def __init__(self, *args, staff, cohorts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trainee"].queryset = staff
        self.fields["cohort"].queryset = cohorts


class JoinForm(ReadsTheNationalId, forms.Form):
    """Someone enrols themselves in an open cohort."""

    national_id = NationalIdField(
        label=_("National ID"), help_text=_("Sex and year of birth are read from it.")
    )
    name = CleanCharField(label=_("Name"), max_length=200)
    target_group = forms.ChoiceField(label=_("Group"), choices=TargetGroup.choices)
