from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import (
    CleanCharField,
    CleanDecimalField,
    ReferenceChoiceField,
    UploadField,
    needed_only,
)
from core.models import Governorate
from core.reference import governorates
from impact import periods
from impact.models import Dimension, Indicator, categories


def _number(label, **kwargs):
    return CleanDecimalField(
        label=label, max_digits=14, decimal_places=2, min_value=0, required=False, **kwargs
    )


class TieForm(forms.Form):
    indicator = forms.ModelChoiceField(
        Indicator.objects.all(),
        label=_("Counts under the library indicator"),
        required=False,
        empty_label=_("None (not counted in the totals)"),
    )


class AddMeasureForm(forms.Form):
    """A programme's new measure: a library indicator, where, and the outcome it serves."""

    indicator = forms.ModelChoiceField(Indicator.objects.all(), label=_("Library indicator"))
    governorate = ReferenceChoiceField(
        Governorate.objects.all(),
        rows=governorates,
        label=_("Governorate"),
        required=False,
        empty_label=_("National"),
    )
    outcome = CleanCharField(label=_("Outcome"), max_length=500)


class TargetsForm(forms.Form):
    """A target for each quarter of the framework; an empty box removes the quarter's."""

    def __init__(self, *args, quarters, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.quarters = quarters
        for quarter in quarters:
            self.fields[quarter.isoformat()] = _number(
                periods.label(quarter), initial=targets.get(quarter)
            )

    def targets(self) -> dict:
        return {q: self.cleaned_data[q.isoformat()] for q in self.quarters}


class ValuesForm(forms.Form):
    """A quarter's total, its disaggregations and the evidence for it."""

    period = forms.TypedChoiceField(label=_("Quarter"), coerce=periods.from_iso)
    total = _number(_("Total"))
    note = CleanCharField(label=_("Note"), max_length=500, required=False)
    evidence = UploadField(
        label=_("Evidence (attendance sheet, list, photo)"),
        required=False,
        help_text=_("A picture or a PDF, at most 10 MB."),
    )

    def __init__(self, *args, quarters, dimensions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["total"].required = True
        self.fields["period"].choices = [(q.isoformat(), periods.label(q)) for q in quarters]
        self.parts = []
        for dimension in dimensions:
            for code, label in categories(dimension).items():
                name = f"{dimension}__{code}"
                self.fields[name] = _number(f"{Dimension(dimension).label}: {label}")
                self.parts.append((dimension, code, name))

    def given_parts(self) -> dict:
        return {
            (dimension, code): self.cleaned_data[name]
            for dimension, code, name in self.parts
            if self.cleaned_data.get(name) is not None
        }


class CheckForm(forms.Form):
    verified = forms.TypedChoiceField(
        label=_("Decision"),
        coerce=lambda v: v == "yes",
        choices=[("yes", _("Verified")), ("no", _("Rejected"))],
        widget=forms.RadioSelect,
    )
    reason = needed_only(
        _("(needed to reject)"), CleanCharField(label=_("Reason"), max_length=1000)
    )
