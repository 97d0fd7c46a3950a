"""Every change to an account goes through here, with its audit entry."""

from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import Role, User
from core import audit


def update_profile(user: User, changes: dict, *, by: User, ip: str | None = None) -> list[str]:
    """Apply ``changes`` to ``user`` and record which fields changed (not their values)."""
    with transaction.atomic():
        locked = User.objects.select_for_update().get(pk=user.pk)
        changed = [name for name, value in changes.items() if getattr(locked, name) != value]
        if not changed:
            return []
        for name in changed:
            setattr(locked, name, changes[name])
        locked.save(update_fields=changed)
        audit.record(
            "accounts.profile_updated", actor=by, obj=locked, ip=ip, data={"fields": changed}
        )
    for name in changed:
        setattr(user, name, changes[name])
    return changed


def confirm_totp_device(device: TOTPDevice, *, ip: str | None = None) -> None:
    """Mark an authenticator as set up, once its first code has been checked."""
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        audit.record("accounts.second_factor_enrolled", actor=device.user, obj=device.user, ip=ip)


def record_sign_in(user: User, *, ip: str | None, second_factor: bool = False) -> None:
    action = "accounts.second_factor_passed" if second_factor else "accounts.signed_in"
    audit.record(action, actor=user, obj=user, ip=ip)


def sign_up(form, *, language: str, ip: str | None) -> User:
    """A citizen's account from a valid sign-up form: the citizen role, nothing more."""
    user = form.save(commit=False)
    user.role = Role.CITIZEN
    user.preferred_language = language
    user.save()
    audit.record("accounts.signed_up", actor=user, obj=user, ip=ip)
    return user
