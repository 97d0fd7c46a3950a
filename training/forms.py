from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.forms import (
    CleanCharField,
    CleanIntegerField,
    DayField,
    NationalIdField,
    PhoneField,
    ReferenceChoiceField,
)
from core.models import Governorate
from core.reference import governorates
from training.models import Sex, TargetGroup


class CheckInForm(forms.Form):
    """Register someone at the door (by national ID, or phone for those without one) and
    enrol them; a person already known is found, not registered twice."""

    national_id = NationalIdField(label=_("National ID"), required=False)
    phone = PhoneField(label=_("Phone"), required=False)
    name = CleanCharField(label=_("Name"), max_length=200)
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices)
    target_group = forms.ChoiceField(label=_("Group"), choices=TargetGroup.choices)
    governorate = ReferenceChoiceField(
        Governorate.objects.all(), rows=governorates, label=_("Governorate"), required=False
    )

    def clean(self):
        data = super().clean()
        if not data.get("national_id") and not data.get("phone"):
            raise forms.ValidationError(_("Give a national ID or a phone number."))
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


class PeriodForm(forms.Form):
    start = DayField(label=_("From"), required=False)
    end = DayField(label=_("To"), required=False)


class StaffForm(forms.Form):
    """An organization's administrator registers a member of its staff for training."""

    national_id = NationalIdField(label=_("National ID"))
    name = CleanCharField(label=_("Name"), max_length=200)
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices)
    birth_year = CleanIntegerField(label=_("Year of birth"), min_value=1930, max_value=2015)


class EnrolStaffForm(forms.Form):
    trainee = forms.ModelChoiceField(queryset=None, label=_("Staff member"))
    cohort = forms.ModelChoiceField(queryset=None, label=_("Cohort"))

    def __init__(self, *args, staff, cohorts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trainee"].queryset = staff
        self.fields["cohort"].queryset = cohorts


class JoinForm(forms.Form):
    """Someone enrols themselves in an open cohort."""

    national_id = NationalIdField(label=_("National ID"))
    name = CleanCharField(label=_("Name"), max_length=200)
    sex = forms.ChoiceField(label=_("Sex"), choices=Sex.choices)
    birth_year = CleanIntegerField(label=_("Year of birth"), min_value=1930, max_value=2015)
    target_group = forms.ChoiceField(label=_("Group"), choices=TargetGroup.choices)
