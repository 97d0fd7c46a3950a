from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import AmountField, CleanCharField, CleanDecimalField
from fund.models import Application, BudgetKind, BudgetLine


class ProjectForm(forms.ModelForm):
    title = CleanCharField(label=_("Project title"), max_length=200)
    summary = CleanCharField(
        label=_("Summary"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What the project does, for whom and where; up to 4,000 characters."),
    )
    requested_amount = AmountField(
        label=_("Amount requested (EGP)"), help_text=_("For example 150000 or ١٥٠٬٠٠٠.")
    )

    class Meta:
        model = Application
        fields = ["title", "summary", "requested_amount"]


class BudgetLineForm(forms.ModelForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=BudgetKind.choices)
    description = CleanCharField(label=_("Description"), max_length=300)
    amount = AmountField(label=_("Amount (EGP)"))

    class Meta:
        model = BudgetLine
        fields = ["kind", "description", "amount"]


BudgetFormSet = forms.inlineformset_factory(
    Application, BudgetLine, form=BudgetLineForm, extra=2, can_delete=True, max_num=60
)


class IndicatorRowForm(forms.Form):
    """One indicator with the outcome it measures: rows sharing an outcome group under it."""

    outcome = CleanCharField(label=_("Outcome"), max_length=500)
    indicator = CleanCharField(label=_("Indicator"), max_length=300)
    unit = CleanCharField(label=_("Unit"), max_length=50)
    baseline = CleanDecimalField(label=_("Baseline"), max_digits=14, decimal_places=2, min_value=0)
    target = CleanDecimalField(label=_("Target"), max_digits=14, decimal_places=2, min_value=0)


ResultsFormSet = forms.formset_factory(IndicatorRowForm, extra=2, can_delete=True, max_num=40)
