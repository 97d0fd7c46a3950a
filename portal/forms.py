"""The forms of a person's own space."""

from django import forms
from django.utils.translation import gettext_lazy as _

from complaints.forms import TrackForm
from core.forms import CleanCharField, NationalIdField


class AddCaseForm(TrackForm):
    """A case filed without an account: the same number and code as on the tracking page."""

    prefix = "case"


class AddCertificateForm(forms.Form):
    prefix = "certificate"

    code = CleanCharField(
        label=_("Certificate code"),
        max_length=20,
        widget=forms.TextInput(attrs={"dir": "ltr", "autocomplete": "off"}),
    )
    national_id = NationalIdField(
        label=_("National ID it was issued to"),
        help_text=_("The 14 digits, in Arabic or Latin digits."),
    )
