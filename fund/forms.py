from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import AmountField, CleanCharField, CleanDecimalField, UploadField
from core.formsets import InlineRows, Rows
from fund.models import Application, BudgetKind, BudgetLine, Report


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
    # No kind chosen beforehand: a line the person has not touched stays blank, and left out.
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("Choose the kind")), *BudgetKind.choices]
    )
    description = CleanCharField(label=_("Description"), max_length=300)
    amount = AmountField(label=_("Amount (EGP)"))

    class Meta:
        model = BudgetLine
        fields = ["kind", "description", "amount"]


class BudgetRows(InlineRows):
    row_name = _("Line %(number)s")


class IndicatorRows(Rows):
    row_name = _("Indicator %(number)s")


def budget_formset(*, blank_rows: int):
    """The budget's lines; ``blank_rows`` to start a budget with none yet."""
    return forms.inlineformset_factory(
        Application,
        BudgetLine,
        form=BudgetLineForm,
        formset=BudgetRows,
        extra=blank_rows,
        can_delete=True,
        max_num=60,
    )


class IndicatorRowForm(forms.Form):
    """One indicator with the outcome it measures: rows sharing an outcome group under it."""

    outcome = CleanCharField(label=_("Outcome"), max_length=500)
    indicator = CleanCharField(label=_("Indicator"), max_length=300)
    unit = CleanCharField(label=_("Unit"), max_length=50)
    baseline = CleanDecimalField(label=_("Baseline"), max_digits=14, decimal_places=2, min_value=0)
    target = CleanDecimalField(label=_("Target"), max_digits=14, decimal_places=2, min_value=0)


def results_formset(*, blank_rows: int):
    return forms.formset_factory(
        IndicatorRowForm, formset=IndicatorRows, extra=blank_rows, can_delete=True, max_num=40
    )


class DocumentsForm(forms.Form):
    """One file field per document the call requires; an empty field keeps what is there."""

    def __init__(self, *args, required_documents, **kwargs):
        super().__init__(*args, **kwargs)
        self.required_documents = {f"document_{d.pk}": d for d in required_documents}
        for name, document in self.required_documents.items():
            self.fields[name] = UploadField(
                label=str(document),
                required=False,
                help_text=_("A picture or a PDF, at most 10 MB."),
            )

    def uploads(self):
        """(required document, CleanFile) for each field that received a file."""
        return [
            (self.required_documents[name], upload)
            for name, upload in getattr(self, "cleaned_data", {}).items()
            if upload is not None
        ]


class AnswerForm(forms.Form):
    answer = CleanCharField(
        label=_("Your answer"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5})
    )
    file = UploadField(
        label=_("A document with your answer"),
        required=False,
        help_text=_("A picture or a PDF, at most 10 MB."),
    )


class ReportForm(forms.Form):
    """The organization's report: what was done, spent per budget line, indicator values."""

    narrative = CleanCharField(
        label=_("What was done"),
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Activities, people reached, difficulties met and how they were handled."),
    )

    def __init__(self, *args, report: Report, **kwargs):
        super().__init__(*args, **kwargs)
        application = report.grant.application
        spent = {line.budget_line_id: line.spent for line in report.lines.all()}
        values = {value.indicator_id: value.value for value in report.indicator_values.all()}
        self.fields["narrative"].initial = report.narrative
        self.budget_lines = list(application.budget_lines.all())
        self.indicators = [
            indicator
            for outcome in application.outcomes.prefetch_related("indicators")
            for indicator in outcome.indicators.all()
        ]
        for line in self.budget_lines:
            self.fields[f"spent_{line.pk}"] = AmountField(
                label=_("Spent on “%(line)s” (EGP)") % {"line": line.description},
                help_text=_("Budgeted: %(amount)s") % {"amount": f"{line.amount:,.2f}"},
                allow_zero=True,
                initial=spent.get(line.pk),
            )
        for indicator in self.indicators:
            self.fields[f"value_{indicator.pk}"] = CleanDecimalField(
                label=_("%(indicator)s (%(unit)s)")
                % {"indicator": indicator.name, "unit": indicator.unit},
                help_text=_("Baseline %(baseline)s, target %(target)s")
                % {"baseline": indicator.baseline, "target": indicator.target},
                max_digits=14,
                decimal_places=2,
                min_value=0,
                required=False,
                initial=values.get(indicator.pk),
            )

    def spending_fields(self):
        return [self[f"spent_{line.pk}"] for line in self.budget_lines]

    def indicator_fields(self):
        return [self[f"value_{indicator.pk}"] for indicator in self.indicators]

    def spent(self) -> dict:
        return {line.pk: self.cleaned_data[f"spent_{line.pk}"] for line in self.budget_lines}

    def values(self) -> dict:
        return {
            indicator.pk: self.cleaned_data[f"value_{indicator.pk}"]
            for indicator in self.indicators
            if self.cleaned_data.get(f"value_{indicator.pk}") is not None
        }
