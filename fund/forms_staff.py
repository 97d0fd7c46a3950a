from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import (
    AmountField,
    CleanCharField,
    CleanDecimalField,
    CleanIntegerField,
    ConfirmField,
    DayField,
    needed_only,
)
from core.formsets import Rows
from fund.decisions import Decision
from fund.models import SCREENING_OUTCOMES, ApplicationStatus, ReportKind, TrancheCondition


class CloseCallForm(forms.Form):
    confirm = ConfirmField(
        label=_("Yes, close it: no organization will be able to apply any more.")
    )


class ScreeningForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Screening"),
        choices=[(s.value, s.label) for s in SCREENING_OUTCOMES],
        widget=forms.RadioSelect,
    )
    note = needed_only(
        _("(unless eligible; the applicant reads it)"),
        CleanCharField(
            label=_("Reason or question for the applicant"),
            max_length=2000,
            widget=forms.Textarea(attrs={"rows": 3}),
        ),
    )


class AssignForm(forms.Form):
    count = CleanIntegerField(
        label=_("Number of reviewers to add"), min_value=1, max_value=5, initial=2
    )


DECISIONS = [
    (Decision.FUND, _("Fund the amount asked")),
    (Decision.FUND_REDUCED, _("Fund a reduced amount")),
    (Decision.REJECT, _("Do not fund")),
    (Decision.WAITING_LIST, _("Waiting list")),
]


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=DECISIONS, widget=forms.RadioSelect)
    reason = CleanCharField(
        label=_("The committee's reasons"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    amount = needed_only(_("(for a reduced award)"), AmountField(label=_("Reduced amount (EGP)")))
    starts_on = needed_only(_("(for an award)"), DayField(label=_("Grant starts on")))
    ends_on = needed_only(_("(for an award)"), DayField(label=_("Grant ends on")))
    confirm = ConfirmField(
        label=_("The committee's decision is final: the organization is told at once.")
    )


class DeclarationForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Conflict of interest"),
        choices=[
            ("none", _("I have no conflict of interest with this application")),
            ("conflict", _("I have a conflict of interest: give it to another reviewer")),
        ],
        widget=forms.RadioSelect,
    )
    note = CleanCharField(
        label=_("The conflict"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def clean(self):
        data = super().clean()
        if data.get("answer") == "conflict" and not data.get("note"):
            self.add_error("note", ValidationError(_("Say what the conflict is.")))
        return data


class ScoreForm(forms.Form):
    value = needed_only(
        _("(needed to finish the review)"),
        CleanDecimalField(label=_("Score (0–10)"), min_value=0, max_value=10, decimal_places=1),
    )
    comment = CleanCharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, criterion, **kwargs):
        super().__init__(*args, **kwargs)
        # Every criterion's boxes read alike: its name tells them apart in the summary.
        self.criterion = self.section = criterion


class TrancheForm(forms.Form):
    """One part of the grant and what must happen before it is paid."""

    amount = AmountField(label=_("Amount (EGP)"))
    condition = forms.ChoiceField(label=_("Paid when"), choices=TrancheCondition.choices)
    report_kind = needed_only(
        _("(when paid on a report)"),
        forms.ChoiceField(label=_("Report"), choices=ReportKind.choices),
    )
    due_on = needed_only(_("(when paid on a report)"), DayField(label=_("Report due on")))
    milestone = needed_only(_("(when paid on a milestone)"), CleanCharField(label=_("Milestone")))

    def clean(self):
        data = super().clean()
        condition = data.get("condition")
        if condition == TrancheCondition.REPORT_APPROVED and not data.get("due_on"):
            self.add_error("due_on", _("Give the date the report is due."))
        if condition == TrancheCondition.MILESTONE and not data.get("milestone"):
            self.add_error("milestone", _("Say what the milestone is."))
        return data


class TrancheRows(Rows):
    row_name = _("Tranche %(number)s")


TranchePlanFormSet = forms.formset_factory(
    TrancheForm, formset=TrancheRows, extra=0, can_delete=True, max_num=12
)


class ReleaseForm(forms.Form):
    tranche = CleanIntegerField(widget=forms.HiddenInput)
    paid_on = DayField(label=_("Paid on"))
    reference = CleanCharField(label=_("Payment reference"), max_length=100)


class MilestoneForm(forms.Form):
    tranche = CleanIntegerField(widget=forms.HiddenInput)
    note = CleanCharField(
        label=_("How the milestone was verified"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReportReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve the report")), ("return", _("Send it back"))],
        widget=forms.RadioSelect,
    )
    comments = needed_only(
        _("(needed to send it back)"),
        CleanCharField(
            label=_("Comments for the organization"),
            max_length=4000,
            widget=forms.Textarea(attrs={"rows": 3}),
        ),
    )
    due_on = needed_only(
        _("(when sent back)"),
        DayField(
            label=_("Due again on"), help_text=_("Two weeks from today unless you change it.")
        ),
    )


# Statuses that a fund officer may filter the list by.
LISTED_STATUSES = [c for c in ApplicationStatus.choices if c[0] != ApplicationStatus.DRAFT]
