from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from core.i18n import LocalizedNameMixin, active_language
from core.phones import format_phone
from core.text import search_key


class OrganizationKind(models.TextChoices):
    ASSOCIATION = "association", _("Association")
    FOUNDATION = "foundation", _("Foundation")
    REGIONAL_FEDERATION = "regional_federation", _("Regional federation")
    SPECIALIZED_FEDERATION = "specialized_federation", _("Specialized federation")
    GENERAL_UNION = "general_union", _("General union")


FEDERATION_KINDS = (
    OrganizationKind.REGIONAL_FEDERATION,
    OrganizationKind.SPECIALIZED_FEDERATION,
    OrganizationKind.GENERAL_UNION,
)


class OrganizationStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    DISSOLVED = "dissolved", _("Dissolved")


class FieldOfActivity(LocalizedNameMixin, models.Model):  # noqa: DJ008 (the mixin gives __str__)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_ar = models.CharField(_("Arabic name"), max_length=120)
    name_en = models.CharField(_("English name"), max_length=120)

    class Meta:
        ordering = ["code"]
        verbose_name = _("field of activity")
        verbose_name_plural = _("fields of activity")


class OrganizationQuerySet(models.QuerySet):
    def in_reading_order(self):
        """Alphabetical in the reader's language; in English, those without an English name last."""
        if active_language() != "en":
            return self.order_by("name_ar", "pk")
        no_english_name = models.Case(
            models.When(name_en="", then=models.Value(1)), default=models.Value(0)
        )
        return self.order_by(no_english_name, "name_en", "name_ar", "pk")

    def search(self, query: str):
        """Every word of ``query`` must appear in the name or number, however it was typed."""
        for word in search_key(query).split():
            self = self.filter(search_key__contains=word)
        return self


class Organization(LocalizedNameMixin, models.Model):  # noqa: DJ008 (the mixin gives __str__)
    """A civil-society organization registered under Law 149/2019."""

    registration_number = models.CharField(_("registration number"), max_length=20, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganizationKind.choices)
    name_ar = models.CharField(_("Arabic name"), max_length=255)
    name_en = models.CharField(_("English name"), max_length=255, blank=True)
    governorate = models.ForeignKey(
        "core.Governorate",
        verbose_name=_("governorate"),
        on_delete=models.PROTECT,
        related_name="organizations",
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    founded_on = models.DateField(_("founding date"), null=True, blank=True)
    fields = models.ManyToManyField(
        FieldOfActivity,
        verbose_name=_("fields of activity"),
        blank=True,
        related_name="organizations",
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=OrganizationStatus.choices,
        default=OrganizationStatus.ACTIVE,
    )
    federation = models.ForeignKey(
        "self",
        verbose_name=_("member of federation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member_organizations",
        limit_choices_to={"kind__in": FEDERATION_KINDS},
    )
    phone = models.CharField(_("phone"), max_length=16, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    # Folded names and number, kept in step by refresh_search_key (see core.text).
    search_key = models.TextField(editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name_ar"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        indexes = [
            models.Index(fields=["governorate", "kind"]),
            # The search list is read in Arabic alphabetical order by default.
            models.Index(fields=["name_ar", "id"], name="organization_reading_order"),
        ]

    def save(self, *args, **kwargs):
        self.refresh_search_key()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_key"}
        super().save(*args, **kwargs)

    def refresh_search_key(self) -> None:
        self.search_key = search_key(f"{self.name_ar} {self.name_en} {self.registration_number}")

    @property
    def phone_display(self) -> str:
        return format_phone(self.phone)

    @property
    def is_federation(self) -> bool:
        return self.kind in FEDERATION_KINDS


class OrganizationRole(models.TextChoices):
    ADMINISTRATOR = "administrator", _("Administrator")
    FINANCE = "finance", _("Finance")
    MONITORING = "monitoring", _("Monitoring and evaluation")


class Membership(models.Model):
    """A user who acts for an organization, with their role in it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organization"),
    )
    role = models.CharField(
        _("role in the organization"), max_length=16, choices=OrganizationRole.choices
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "organization"], name="one_membership_each")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.organization} ({self.get_role_display()})"


class ChangeRequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


# The fields an organization may propose to change; names and registration
# number stay with the directorate's own records.
CHANGEABLE_FIELDS = ("name_en", "address", "phone", "email", "website", "fields")


class ChangeRequestQuerySet(models.QuerySet):
    def for_user(self, user):
        """The one place that says who sees which change requests."""
        if not user.is_authenticated:
            return self.none()
        if user.role in (Role.SYSTEM_ADMIN, Role.CENTRAL_OFFICER, Role.AUDITOR):
            return self
        if user.role == Role.DIRECTORATE_OFFICER:
            return self.filter(organization__governorate_id=user.governorate_id)
        if user.role == Role.ORGANIZATION_MEMBER:
            return self.filter(
                organization__memberships__user=user,
                organization__memberships__role=OrganizationRole.ADMINISTRATOR,
            )
        return self.none()


class ProfileChangeRequest(models.Model):
    """An organization's proposed change to its public profile, for its directorate to decide."""

    organization = models.ForeignKey(
        Organization,
        on_delete=models.CASCADE,
        related_name="change_requests",
        verbose_name=_("organization"),
    )
    proposed = models.JSONField(_("proposed values"))
    previous = models.JSONField(_("values when proposed"))
    note = models.TextField(_("note from the organization"), blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ChangeRequestStatus.choices,
        default=ChangeRequestStatus.PENDING,
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)

    objects = ChangeRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("profile change request")
        verbose_name_plural = _("profile change requests")
        constraints = [
            models.UniqueConstraint(
                fields=["organization"],
                condition=models.Q(status="pending"),
                name="one_pending_change_request_per_organization",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} ({self.get_status_display()})"
