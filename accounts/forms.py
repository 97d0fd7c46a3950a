from django import forms
from django.conf import settings
from django.contrib.auth.forms import (
    AuthenticationForm,
    BaseUserCreationForm,
    SetPasswordForm,
    UsernameField,
)
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from core.forms import CleanCharField, PhoneField


class TypedAsWritten:
    """User names and passwords keep the direction of what is typed: a password such as
    ``Nour-2027-سند!`` is not reordered by the right-to-left page around it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, UsernameField) or isinstance(field.widget, forms.PasswordInput):
                field.widget.attrs.update({"dir": "auto", "spellcheck": "false"})


class ChoosesAPassword:
    """A form where someone chooses a password: the rules are listed under the first box,
    and a password that breaks one is said there, where it was typed; the second box
    says only whether the two match."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self._first_box()].help_text = format_html(
            "{}{}", _("Your password needs to be:"), password_validators_help_text_html()
        )

    def _first_box(self) -> str:
        return next(name for name in ("password1", "new_password1") if name in self.fields)

    def validate_password_for_user(self, user, password_field_name=None, **kwargs):
        super().validate_password_for_user(user, password_field_name=self._first_box())


class SignInForm(TypedAsWritten, AuthenticationForm):
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


class NewPasswordForm(TypedAsWritten, ChoosesAPassword, SetPasswordForm):
    """A new password chosen from a reset link."""


class SignUpForm(TypedAsWritten, ChoosesAPassword, BaseUserCreationForm):
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
