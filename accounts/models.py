from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from accounts.passwords import UsernameValidator, username_help_text


class Role(models.TextChoices):
    CITIZEN = "citizen", _("Citizen")
    ORGANIZATION_MEMBER = "organization_member", _("Organization member")
    DIRECTORATE_OFFICER = "directorate_officer", _("Directorate officer")
    CENTRAL_OFFICER = "central_officer", _("Central officer")
    FUND_OFFICER = "fund_officer", _("Fund officer")
    REVIEWER = "reviewer", _("Reviewer")
    INSPECTOR = "inspector", _("Inspector")
    TRAINER = "trainer", _("Trainer")
    AUDITOR = "auditor", _("Auditor (read-only)")
    SYSTEM_ADMIN = "system_admin", _("System administrator")
    # Writes the website's news, events and pages, and reads nothing else of Sanad.
    EDITOR = "editor", _("Content editor")


# Everyone who works inside the ministry or the fund signs in with a second factor.
STAFF_ROLES = frozenset(Role) - {Role.CITIZEN, Role.ORGANIZATION_MEMBER}


class User(AbstractUser):
    """A person who signs in to Sanad, with exactly one role.

    A directorate officer works for one governorate, an inspector usually does; every
    other role has none.
    """

    username = models.CharField(
        _("user name"),
        max_length=150,
        unique=True,
        help_text=lazy(username_help_text, str)(),
        validators=[UsernameValidator()],
        error_messages={"unique": _("Someone already has this user name: choose another.")},
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices, default=Role.CITIZEN)
    governorate = models.ForeignKey(
        "core.Governorate",
        verbose_name=_("governorate"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="officers",
    )
    phone = models.CharField(_("phone"), max_length=16, blank=True)
    # Reviewers are the fund's own staff unless marked as experts from outside: a call
    # reviewed "internally and externally" needs one of each.
    is_external_reviewer = models.BooleanField(
        _("external reviewer"),
        default=False,
        help_text=_("A reviewer from outside the ministry and the fund."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=[("ar", _("Arabic")), ("en", _("English"))],
        default="ar",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            # A directorate officer works for one governorate; an inspector may (and then
            # inspects there); nobody else has one.
            models.CheckConstraint(
                condition=(
                    models.Q(role=Role.DIRECTORATE_OFFICER, governorate__isnull=False)
                    | models.Q(role=Role.INSPECTOR)
                    | (
                        ~models.Q(role=Role.DIRECTORATE_OFFICER)
                        & models.Q(governorate__isnull=True)
                    )
                ),
                name="governorate_for_officers_and_inspectors",
            )
        ]

    @property
    def needs_second_factor(self) -> bool:
        return self.role in STAFF_ROLES or self.is_superuser

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username
