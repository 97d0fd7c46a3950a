from base64 import b32encode

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import actions
from accounts.forms import NewPasswordForm, ProfileForm, SecondFactorForm, SignInForm, SignUpForm
from accounts.homes import home_url
from core.audit import client_ip
from core.rate_limits import limit_posts


def _sign_in_rate() -> str:
    return settings.SIGN_IN_RATE


@method_decorator(limit_posts("sign-in", _sign_in_rate), name="post")
class SignInView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return home_url(self.request.user)

    def form_valid(self, form):
        response = super().form_valid(form)
        actions.record_sign_in(form.get_user(), ip=client_ip(self.request))
        return response


class SignOutView(auth_views.LogoutView):
    pass


@limit_posts("sign-up", lambda: settings.PUBLIC_FORM_RATE)
@require_http_methods(["GET", "POST"])
def sign_up(request):
    """An optional account for citizens; everything public works without one."""
    if request.user.is_authenticated:
        return redirect("portal:mine")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        language = request.LANGUAGE_CODE if request.LANGUAGE_CODE in ("ar", "en") else "ar"
        user = actions.sign_up(form, language=language, ip=client_ip(request))
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Your account is ready. This is your space."))
        return redirect("portal:mine")
    return render(request, "accounts/sign_up.html", {"form": form})


def locked_out(request, response=None, credentials=None):
    """Shown instead of the sign-in page while django-axes holds an account or address."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"minutes": minutes, "limit": settings.AXES_FAILURE_LIMIT}
    return render(request, "accounts/locked_out.html", context, status=429)


def _safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else default


@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request):
    """Set up an authenticator on first sign-in, then ask for its code every time."""
    user = request.user
    next_url = _safe_next(request, home_url(user))
    if user.is_verified():
        return redirect(next_url)
    device = next(iter(devices_for_user(user, confirmed=True)), None)
    setting_up = device is None
    if setting_up:
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        device = device or TOTPDevice.objects.create(user=user, name="Sanad", confirmed=False)
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            if setting_up:
                actions.confirm_totp_device(device, ip=client_ip(request))
            otp_login(request, device)
            actions.record_sign_in(user, ip=client_ip(request), second_factor=True)
            return redirect(next_url)
        form.add_error(
            "token",
            _(
                "That code is not right or has expired. Check that the time on your phone "
                "is correct and enter the newest code."
            ),
        )
    context = {"form": form, "setting_up": setting_up, "next": next_url}
    if setting_up:
        secret = b32encode(device.bin_key).decode()
        context["secret"] = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
        context["qr_data_uri"] = segno.make(device.config_url, error="m").svg_data_uri(scale=4)
    return render(request, "accounts/two_factor.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.changed_data}
        # The form must not write the instance itself: the action does, with its audit entry.
        request.user.refresh_from_db()
        actions.update_profile(request.user, changes, by=request.user, ip=client_ip(request))
        messages.success(request, _("Your profile is saved."))
        return redirect("accounts:profile")
    memberships = request.user.memberships.select_related("organization")
    return render(request, "accounts/profile.html", {"form": form, "memberships": memberships})


_password_reset_form = auth_views.PasswordResetView.as_view(
    template_name="accounts/password_reset.html",
    email_template_name="accounts/emails/password_reset.txt",
    subject_template_name="accounts/emails/password_reset_subject.txt",
    success_url=reverse_lazy("accounts:password_reset_done"),
)


def _reset_email(request) -> str:
    return request.POST.get("email", "").strip().casefold()


# A public form that sends mail: limited per address and per e-mail, so it can
# be used neither to flood one inbox nor to probe many.
@limit_posts("password-reset", lambda: "10/h")
@limit_posts("password-reset-email", lambda: "3/h", key=_reset_email)
def password_reset(request, *args, **kwargs):
    return _password_reset_form(request, *args, **kwargs)


password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    form_class=NewPasswordForm,
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)
