import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedCharField

from accounts.models import Role
from complaints import tracking
from complaints.tracking import format_tracking_number
from core.i18n import LocalizedNameMixin, localized
from core.models import StoredFile

DESCRIPTION_MAX_LENGTH = 4000
MAX_ATTACHMENTS = 5
REOPEN_DAYS = 14


class Category(LocalizedNameMixin, models.Model):  # noqa: DJ008 (the mixin gives __str__)
    """A complaint category; the codes are the Open311 service codes and never change."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_ar = models.CharField(_("Arabic name"), max_length=120)
    name_en = models.CharField(_("English name"), max_length=120)
    is_active = models.BooleanField(_("offered on forms"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")


class Queue(LocalizedNameMixin, models.Model):  # noqa: DJ008 (the mixin gives __str__)
    """A desk that handles cases: a governorate's directorate or a central department."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_ar = models.CharField(_("Arabic name"), max_length=120)
    name_en = models.CharField(_("English name"), max_length=120)
    governorate = models.OneToOneField(
        "core.Governorate",
        verbose_name=_("directorate of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="directorate_queue",
    )
    head = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("head"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("queue")
        verbose_name_plural = _("queues")


class Urgency(models.TextChoices):
    CRITICAL = "critical", _("Critical")
    HIGH = "high", _("High")
    NORMAL = "normal", _("Normal")


class ServiceLevel(models.Model):
    """Targets in working hours by urgency, optionally for one category (the specific wins)."""

    urgency = models.CharField(_("urgency"), max_length=8, choices=Urgency.choices)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), null=True, blank=True, on_delete=models.CASCADE
    )
    first_response_hours = models.PositiveIntegerField(_("first response (working hours)"))
    resolution_hours = models.PositiveIntegerField(_("resolution (working hours)"))

    class Meta:
        verbose_name = _("service level")
        verbose_name_plural = _("service levels")
        constraints = [
            models.UniqueConstraint(
                fields=["urgency", "category"],
                name="one_level_per_pair",
                condition=models.Q(category__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["urgency"],
                name="one_default_level_per_urgency",
                condition=models.Q(category__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        hours = f"{self.first_response_hours}/{self.resolution_hours} h"
        return f"{self.urgency} {self.category or '*'}: {hours}"


class Holiday(models.Model):
    """An official holiday: no working time is counted on it."""

    date = models.DateField(_("date"), unique=True)
    name_ar = models.CharField(_("Arabic name"), max_length=120)
    name_en = models.CharField(_("English name"), max_length=120)

    class Meta:
        ordering = ["date"]
        verbose_name = _("official holiday")
        verbose_name_plural = _("official holidays")

    def __str__(self) -> str:
        return f"{self.date} {self.name_en}"


class RoutingRule(models.Model):
    """Category × governorate → queue. Blank category or governorate means any."""

    category = models.ForeignKey(
        Category, verbose_name=_("category"), null=True, blank=True, on_delete=models.CASCADE
    )
    governorate = models.ForeignKey(
        "core.Governorate",
        verbose_name=_("governorate"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
    )
    queue = models.ForeignKey(Queue, verbose_name=_("queue"), on_delete=models.PROTECT)

    class Meta:
        verbose_name = _("routing rule")
        verbose_name_plural = _("routing rules")
        # One rule per pair, written per case of blanks (SQLite lacks NULLS NOT DISTINCT).
        # A rule with both blank would say nothing: the directorate is the default.
        constraints = [
            models.CheckConstraint(
                condition=models.Q(category__isnull=False) | models.Q(governorate__isnull=False),
                name="routing_rule_names_something",
            ),
            models.UniqueConstraint(
                fields=["category", "governorate"],
                name="one_rule_per_pair",
                condition=models.Q(category__isnull=False, governorate__isnull=False),
            ),
            models.UniqueConstraint(
                fields=["category"],
                name="one_rule_per_category_anywhere",
                condition=models.Q(governorate__isnull=True),
            ),
            models.UniqueConstraint(
                fields=["governorate"],
                name="one_rule_per_governorate_any_category",
                condition=models.Q(category__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.category or '*'} × {self.governorate or '*'} → {self.queue}"


class ReplyTemplate(models.Model):
    """A ready answer staff start from, in both languages, for one category or for all."""

    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reply_templates",
    )
    title_ar = models.CharField(_("Arabic title"), max_length=120)
    title_en = models.CharField(_("English title"), max_length=120)
    body_ar = models.TextField(_("Arabic text"))
    body_en = models.TextField(_("English text"))

    class Meta:
        ordering = ["title_en"]
        verbose_name = _("reply template")
        verbose_name_plural = _("reply templates")

    def __str__(self) -> str:
        return self.title_en

    @property
    def title(self) -> str:
        return localized(self, "title")

    def body_in(self, language: str) -> str:
        return self.body_en if language == "en" and self.body_en else self.body_ar


class Kind(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint")
    REQUEST = "request", _("Request")
    INQUIRY = "inquiry", _("Inquiry")
    SUGGESTION = "suggestion", _("Suggestion")
    PRAISE = "praise", _("Praise")


class Channel(models.TextChoices):
    WEB = "web", _("Web form")
    STAFF = "staff", _("Staff on behalf of a caller")
    ORGANIZATION = "organization", _("Organization")
    API = "api", _("REST API")
    OPEN311 = "open311", _("Open311 app")
    NATIONAL_PLATFORM = "national_platform", _("National complaints platform")


class ComplainantType(models.TextChoices):
    CITIZEN = "citizen", _("Citizen")
    PERSON_WITH_DISABILITY = "person_with_disability", _("Person with disability")
    ORGANIZATION = "organization", _("Civil-society organization")
    COMPANY = "company", _("Company representative")
    INVESTOR = "investor", _("Investor")
    TOURIST = "tourist", _("Tourist or foreign resident")


class ContactChannel(models.TextChoices):
    SMS = "sms", _("Text message")
    EMAIL = "email", _("E-mail")
    NONE = "none", _("Do not contact me")


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    TRIAGED = "triaged", _("Triaged")
    ASSIGNED = "assigned", _("Assigned")
    IN_PROGRESS = "in_progress", _("In progress")
    WAITING_FOR_CITIZEN = "waiting_for_citizen", _("Waiting for the citizen")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")
    FORWARDED = "forwarded", _("Forwarded outside the ministry")
    DUPLICATE = "duplicate", _("Duplicate")
    REOPENED = "reopened", _("Reopened")


# The one table of allowed moves (CONVENTIONS.md, 4), read as "from → to".
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.RECEIVED: frozenset(
        {Status.TRIAGED, Status.ASSIGNED, Status.FORWARDED, Status.DUPLICATE}
    ),
    Status.TRIAGED: frozenset({Status.ASSIGNED, Status.FORWARDED, Status.DUPLICATE}),
    Status.ASSIGNED: frozenset(
        {
            Status.ASSIGNED,
            Status.IN_PROGRESS,
            Status.WAITING_FOR_CITIZEN,
            Status.ANSWERED,
            Status.FORWARDED,
            Status.DUPLICATE,
        }
    ),
    Status.IN_PROGRESS: frozenset(
        {
            Status.ASSIGNED,
            Status.WAITING_FOR_CITIZEN,
            Status.ANSWERED,
            Status.FORWARDED,
            Status.DUPLICATE,
        }
    ),
    Status.WAITING_FOR_CITIZEN: frozenset({Status.IN_PROGRESS, Status.ANSWERED}),
    Status.ANSWERED: frozenset({Status.CLOSED, Status.REOPENED}),
    Status.CLOSED: frozenset({Status.REOPENED}),
    Status.REOPENED: frozenset({Status.ASSIGNED, Status.IN_PROGRESS, Status.ANSWERED}),
    Status.FORWARDED: frozenset(),
    Status.DUPLICATE: frozenset({Status.REOPENED}),
}
OPEN_STATUSES = frozenset(Status) - {Status.CLOSED, Status.FORWARDED, Status.DUPLICATE}


class CaseQuerySet(models.QuerySet):
    def for_user(self, user):
        """The one place that says which cases a person may see."""
        if not user.is_authenticated:
            return self.none()
        if user.role in (Role.SYSTEM_ADMIN, Role.CENTRAL_OFFICER, Role.AUDITOR):
            return self
        if user.role == Role.DIRECTORATE_OFFICER:
            return self.filter(governorate_id=user.governorate_id)
        if user.role == Role.ORGANIZATION_MEMBER:
            return self.filter(submitted_by=user)
        if user.role == Role.CITIZEN:
            return self.filter(models.Q(citizen=user) | models.Q(submitted_by=user))
        return self.none()

    def with_code(self, number: str, code: str):
        """The case with this tracking number and secret code, or None; each try counts
        towards the number's hourly limit (``TooManyTries`` past it)."""
        if not tracking.within_tries(number):
            raise tracking.TooManyTries
        case = self.filter(tracking_number=number).first()
        return case if case is not None and tracking.tokens_match(code, case.token_digest) else None


class Case(models.Model):
    """One complaint, request, inquiry, suggestion or praise, from any channel."""

    # Unique through Meta.constraints, which spares PostgreSQL the second (LIKE) index
    # that unique=True makes on a text column; every index costs each new case.
    tracking_number = models.CharField(_("tracking number"), max_length=12, editable=False)
    # SHA-256 of the secret code (complaints.tracking): the code is given once, never stored.
    token_digest = models.CharField(max_length=64, editable=False)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.COMPLAINT)
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="cases"
    )
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX_LENGTH)
    governorate = models.ForeignKey(
        "core.Governorate",
        verbose_name=_("governorate"),
        on_delete=models.PROTECT,
        related_name="cases",
        db_index=False,  # indexed in Meta, without the LIKE index
    )
    address = EncryptedCharField(_("address"), max_length=300, blank=True, null=True)
    organization = models.ForeignKey(
        "registry.Organization",
        verbose_name=_("organization concerned"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
    )
    complainant_type = models.CharField(
        _("complainant"),
        max_length=32,
        choices=ComplainantType.choices,
        default=ComplainantType.CITIZEN,
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=[("ar", _("Arabic")), ("en", _("English"))],
        default="ar",
    )
    contact_channel = models.CharField(
        _("contact by"), max_length=8, choices=ContactChannel.choices, default=ContactChannel.SMS
    )
    protect_identity = models.BooleanField(
        _("keep my identity from the unit I complain about"), default=False
    )
    # Personal data: encrypted at rest (empty is stored as NULL), masked on screens,
    # each look logged.
    complainant_name = EncryptedCharField(_("name"), max_length=200, blank=True, null=True)
    national_id = EncryptedCharField(_("national ID"), max_length=14, blank=True, null=True)
    phone = EncryptedCharField(_("phone"), max_length=16, blank=True, null=True)
    email = EncryptedCharField(_("e-mail"), max_length=254, blank=True, null=True)
    # Keyed digest of the national ID, to find a person's cases without decrypting.
    national_id_digest = models.CharField(max_length=64, blank=True, editable=False)

    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    # NULL rather than "" when absent: the unique constraints ignore NULLs.
    external_reference = models.CharField(  # noqa: DJ001
        _("platform reference"), max_length=64, null=True, blank=True
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    citizen = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
    )
    # A client-chosen key: the same key twice returns the first case, never a second.
    idempotency_key = models.CharField(  # noqa: DJ001
        max_length=100, null=True, blank=True, editable=False
    )

    status = models.CharField(
        _("status"), max_length=24, choices=Status.choices, default=Status.RECEIVED
    )
    urgency = models.CharField(
        _("urgency"), max_length=8, choices=Urgency.choices, default=Urgency.NORMAL
    )
    queue = models.ForeignKey(
        Queue,
        verbose_name=_("queue"),
        on_delete=models.PROTECT,
        related_name="cases",
        db_index=False,  # led by the (queue, status) index in Meta
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duplicates",
    )
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    # Service level: due moments in working time, pushed back while waiting for the citizen.
    first_response_due = models.DateTimeField(_("first response due"), null=True, blank=True)
    resolution_due = models.DateTimeField(_("answer due"), null=True, blank=True, db_index=True)
    first_response_at = models.DateTimeField(_("first response"), null=True, blank=True)
    waiting_since = models.DateTimeField(null=True, blank=True, editable=False)
    escalation_level = models.PositiveSmallIntegerField(
        _("escalation"),
        default=0,
        choices=[
            (0, _("None")),
            (1, _("Warned at 75 %")),
            (2, _("Escalated to the directorate head")),
            (3, _("Escalated to the central department")),
        ],
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # Kept when the final answer is given, for the open statistics.
    answer_working_hours = models.PositiveIntegerField(null=True, blank=True, editable=False)
    answered_on_time = models.BooleanField(null=True, blank=True, editable=False)
    satisfaction = models.PositiveSmallIntegerField(_("satisfaction (1–5)"), null=True, blank=True)
    # The workbench's groups, most urgent first (views_staff.most_urgent_first), kept by
    # the database from the row's own columns however the row is written: the queue is
    # then read in its order from an index, not sorted from every open case.
    attention = models.GeneratedField(
        expression=models.Case(
            models.When(status=Status.ANSWERED, then=4),
            models.When(status=Status.WAITING_FOR_CITIZEN, then=3),
            models.When(urgency=Urgency.CRITICAL, then=0),
            models.When(assignee__isnull=True, then=1),
            default=2,
        ),
        output_field=models.PositiveSmallIntegerField(),
        db_persist=True,
    )

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        indexes = [
            # The workbench: open cases the most urgent first, in one governorate or all.
            models.Index(
                fields=["governorate", "attention", "resolution_due", "received_at"],
                condition=models.Q(status__in=sorted(OPEN_STATUSES)),
                name="open_cases_by_attention",
            ),
            models.Index(
                fields=["attention", "resolution_due", "received_at"],
                condition=models.Q(status__in=sorted(OPEN_STATUSES)),
                name="all_open_cases_by_attention",
            ),
            models.Index(fields=["queue", "status"]),
            models.Index(fields=["governorate"], name="case_governorate"),
            models.Index(fields=["national_id_digest"], name="case_national_id_digest"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["tracking_number"], name="unique_tracking_number"),
            models.UniqueConstraint(fields=["idempotency_key"], name="unique_idempotency_key"),
            models.UniqueConstraint(
                fields=["external_reference"], name="unique_platform_reference"
            ),
            models.CheckConstraint(
                condition=models.Q(satisfaction__isnull=True)
                | models.Q(satisfaction__gte=1, satisfaction__lte=5),
                name="satisfaction_from_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return self.tracking_number

    @property
    def number_shown(self) -> str:
        """The tracking number as the citizen was given it, in groups."""
        return format_tracking_number(self.tracking_number)

    def story(self, *visibilities: str) -> list["TimelineEntry"]:
        """The timeline from receipt on, limited to ``visibilities`` if given.

        The receipt is the case row itself (when, and who entered it), so it is not
        stored a second time as an entry: every later move, reply and note is.
        """
        receipt = TimelineEntry(
            case=self,
            at=self.received_at,
            actor_id=self.submitted_by_id,
            visibility=Visibility.PUBLIC,
            to_status=Status.RECEIVED,
        )
        entries = self.timeline.select_related("actor")
        if visibilities:
            entries = entries.filter(visibility__in=visibilities)
        return [receipt, *entries]

    @property
    def is_anonymous(self) -> bool:
        return not (
            self.complainant_name or self.national_id or self.phone or self.email or self.citizen_id
        )

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: the citizen sees it")
    STAFF = "staff", _("Staff only")
    INTERNAL = "internal", _("Internal note")


class TimelineEntry(models.Model):
    """One line of a case's story: a move, a reply or a note, with who may read it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="timeline")
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    visibility = models.CharField(max_length=8, choices=Visibility.choices)
    from_status = models.CharField(max_length=24, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=24, choices=Status.choices, blank=True)
    body = models.TextField(blank=True)
    is_reply = models.BooleanField(default=False)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")

    def __str__(self) -> str:
        return f"{self.case} {self.from_status}→{self.to_status}"


def attachment_path(instance, filename) -> str:
    """A random name under the case's folder: the uploader's file name is never a path."""
    return f"cases/{instance.case.tracking_number}/{instance.stored_name}"


class Attachment(StoredFile):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=200)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")


class Delivery(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    DELIVERED = "delivered", _("Delivered")


class PlatformOutbox(models.Model):
    """An update owed to the national platform, written in the same transaction as the change.

    A worker sends each case's updates in order, retrying with back-off; the
    receiver drops a repeated ``message_id``, so a retry after a lost answer is
    not a second update.
    """

    message_id = models.UUIDField(unique=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="outbox")
    payload = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    state = models.CharField(
        _("state"), max_length=12, choices=Delivery.choices, default=Delivery.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_error = models.TextField(_("last error"), blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("update for the national platform")
        verbose_name_plural = _("updates for the national platform")
        indexes = [models.Index(fields=["state", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.case} #{self.pk} {self.state}"


class ApiKey(models.Model):
    """A key issued to an app maker for Open311 and the REST API; only its digest is kept."""

    name = models.CharField(_("issued to"), max_length=120)
    prefix = models.CharField(_("starts with"), max_length=8, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("issued"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class MonthlyStatistics(models.Model):
    """The published figures of one month, computed by complaints.statistics."""

    month = models.DateField(primary_key=True)
    data = models.JSONField()
    computed_at = models.DateTimeField()

    class Meta:
        ordering = ["-month"]
        verbose_name = _("monthly statistics")
        verbose_name_plural = _("monthly statistics")

    def __str__(self) -> str:
        return self.month.strftime("%Y-%m")
