from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.forms import CleanCharField, PhoneField


class SignInForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "The user name or password is not right. Both are case-sensitive. "
            "After %(limit)s failed tries the account is locked for a while."
        ),
        "inactive": _("This account is disabled. Ask your administrator."),
    }

    def get_invalid_login_error(self):
        return forms.ValidationError(
            self.error_messages["invalid_login"],
            code="invalid_login",
            params={"limit": settings.AXES_FAILURE_LIMIT},
        )


class SecondFactorForm(forms.Form):
    token = CleanCharField(
        label=_("Six-digit code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "dir": "ltr"}
        ),
    )

    def clean_token(self):
        token = self.cleaned_data["token"].replace(" ", "")
        if not (token.isascii() and token.isdigit() and len(token) == 6):
            raise forms.ValidationError(_("The code is six digits."), code="token_format")
        return token


class ProfileForm(forms.ModelForm):
    first_name = CleanCharField(label=_("First name"), max_length=150, required=False)
    last_name = CleanCharField(label=_("Last name"), max_length=150, required=False)
    phone = PhoneField(label=_("Mobile phone"), required=False)

    class Meta:
        model = User
        fields = ["first_name", "last_name", "email", "phone", "preferred_language"]


class SignUpForm(BaseUserCreationForm):
    """A citizen's own account: optional, for following every case and certificate in
    one place. Staff and organization accounts are made by administrators."""

    first_name = CleanCharField(label=_("First name"), max_length=150)
    last_name = CleanCharField(label=_("Last name"), max_length=150, required=False)
    phone = PhoneField(label=_("Mobile phone"), required=False)
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        widget=forms.EmailInput(attrs={"dir": "ltr", "autocomplete": "email"}),
    )

    class Meta(BaseUserCreationForm.Meta):
        model = User
        fields = ["username", "first_name", "last_name", "phone", "email"]
