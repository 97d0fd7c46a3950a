from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from care.models import Decision, Fee
from core.forms import CleanCharField, ConfirmField, DayField, needed_only


def _text(label, required=True):
    return CleanCharField(
        label=label, required=required, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class DocumentsForm(forms.Form):
    complete = forms.ChoiceField(
        label=_("The documents"),
        choices=[("yes", _("Complete")), ("no", _("Something is missing"))],
        widget=forms.RadioSelect,
    )
    missing = needed_only(
        _("(when something is missing)"),
        _text(_("What is missing, and why (the operator reads it)")),
    )


class FeeForm(forms.Form):
    fee = forms.ChoiceField(
        label=_("Fee"), choices=[(Fee.PAID, Fee.PAID.label), (Fee.WAIVED, Fee.WAIVED.label)]
    )
    reference = CleanCharField(label=_("Payment reference or waiver reason"), max_length=200)


class InspectorChoice(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return user.display_name


class ScheduleForm(forms.Form):
    inspector = InspectorChoice(queryset=User.objects.none(), label=_("Inspector"))
    due_on = DayField(label=_("Inspect by"))

    def __init__(self, *args, governorate, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["inspector"].queryset = User.objects.filter(
            role=Role.INSPECTOR, governorate_id=governorate, is_active=True
        )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=Decision.choices, widget=forms.RadioSelect
    )
    reasons = needed_only(
        _("(for a conditional licence or a refusal)"), _text(_("Reasons (the operator reads them)"))
    )
    condition_deadline = needed_only(
        _("(for a conditional licence)"), DayField(label=_("Conditions to meet by"))
    )
    confirm = ConfirmField(
        label=_("The decision is final: the operator is told and the public register changes.")
    )


class WithdrawForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Action"),
        choices=[
            ("suspend", _("Suspend the licence")),
            ("revoke", _("Revoke the licence")),
            ("reinstate", _("Reinstate the licence")),
        ],
        widget=forms.RadioSelect,
    )
    reason = _text(_("Reasons (the public reads them)"))
    confirm = ConfirmField(label=_("I confirm: this changes what parents see at once."))
