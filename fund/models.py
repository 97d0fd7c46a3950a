"""Calls for proposals and the applications made to them."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.models import Role
from core.i18n import localized
from core.models import StoredFile
from registry.models import OrganizationKind

MONEY = {"max_digits": 14, "decimal_places": 2}


class CallStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CLOSED = "closed", _("Closed")


class Stages(models.TextChoices):
    SINGLE = "single", _("Full proposal only")
    CONCEPT_FIRST = "concept_first", _("Concept note, then full proposal")


class ReviewMode(models.TextChoices):
    INTERNAL = "internal", _("Internal review only")
    EXTERNAL = "external", _("Internal and external review")


class Call(models.Model):
    """A call for proposals: who may apply, for how much, until when, judged how."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    title_ar = models.CharField(_("Arabic title"), max_length=200)
    title_en = models.CharField(_("English title"), max_length=200)
    text_ar = models.TextField(_("Arabic text"))
    text_en = models.TextField(_("English text"))
    opens_at = models.DateTimeField(_("applications open"))
    closes_at = models.DateTimeField(_("applications close"))
    total_budget = models.DecimalField(_("total budget (EGP)"), **MONEY)
    grant_floor = models.DecimalField(_("smallest grant (EGP)"), **MONEY)
    grant_ceiling = models.DecimalField(_("largest grant (EGP)"), **MONEY)
    admin_share_cap = models.DecimalField(
        _("largest administration share (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal(10),
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    # Eligibility: an empty list or set means "any".
    eligible_kinds = models.JSONField(
        _("kinds of organization"), default=list, blank=True, help_text=_("Empty: any kind.")
    )
    emerging_within_years = models.PositiveSmallIntegerField(
        _("only organizations founded within (years)"), null=True, blank=True
    )
    governorates = models.ManyToManyField(
        "core.Governorate", verbose_name=_("governorates"), blank=True, related_name="+"
    )
    fields = models.ManyToManyField(
        "registry.FieldOfActivity", verbose_name=_("fields"), blank=True, related_name="+"
    )
    stages = models.CharField(
        _("stages"), max_length=16, choices=Stages.choices, default=Stages.SINGLE
    )
    review_mode = models.CharField(
        _("review"), max_length=16, choices=ReviewMode.choices, default=ReviewMode.INTERNAL
    )
    blind = models.BooleanField(_("reviewers do not see who applied"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=CallStatus.choices, default=CallStatus.DRAFT
    )

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("call for proposals")
        verbose_name_plural = _("calls for proposals")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="call_closes_after_opening",
            ),
            models.CheckConstraint(
                condition=models.Q(grant_floor__gt=0, grant_ceiling__gte=models.F("grant_floor")),
                name="call_floor_below_ceiling",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        return localized(self, "title")

    def kind_labels(self) -> list[str]:
        return [str(OrganizationKind(kind).label) for kind in self.eligible_kinds]


class Criterion(models.Model):
    """One weighted criterion of a call's review rubric."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="criteria")
    name_ar = models.CharField(_("Arabic name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200)
    guidance_ar = models.TextField(_("Arabic guidance"), blank=True)
    guidance_en = models.TextField(_("English guidance"), blank=True)
    weight = models.DecimalField(
        _("weight (%)"), max_digits=5, decimal_places=2, validators=[MinValueValidator(0)]
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("review criterion")
        verbose_name_plural = _("review criteria")

    def __str__(self) -> str:
        return localized(self, "name")


class RequiredDocument(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="required_documents")
    name_ar = models.CharField(_("Arabic name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("required document")
        verbose_name_plural = _("required documents")

    def __str__(self) -> str:
        return localized(self, "name")


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", pgettext_lazy("state", "Submitted")
    NEEDS_INFORMATION = "needs_information", _("More information asked")
    INELIGIBLE = "ineligible", _("Not eligible")
    IN_REVIEW = "in_review", _("In review")
    FUNDED = "funded", _("Funded")
    REJECTED = "rejected", _("Not funded")
    WAITING_LIST = "waiting_list", _("On the waiting list")


class Stage(models.TextChoices):
    CONCEPT = "concept", _("Concept note")
    FULL = "full", _("Full proposal")


# What a screening may decide, and where it leads.
SCREENING_OUTCOMES = (
    ApplicationStatus.IN_REVIEW,
    ApplicationStatus.INELIGIBLE,
    ApplicationStatus.NEEDS_INFORMATION,
)


class ApplicationQuerySet(models.QuerySet):
    def for_user(self, user):
        """The applications a person may see: members their organizations' own, fund
        officers and auditors every submitted one, reviewers those assigned to them
        once they have declared no conflict of interest."""
        if not user.is_authenticated:
            return self.none()
        if user.role in (Role.FUND_OFFICER, Role.AUDITOR):
            return self.exclude(status=ApplicationStatus.DRAFT)
        if user.role == Role.REVIEWER:
            return self.filter(
                assignments__reviewer=user,
                assignments__no_conflict_declared_at__isnull=False,
                assignments__conflict_declared_at__isnull=True,
            )
        return self.filter(organization__memberships__user=user)


class Application(models.Model):
    """An organization's proposal to a call, written in steps and saved as a draft."""

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="applications")
    organization = models.ForeignKey(
        "registry.Organization", on_delete=models.PROTECT, related_name="applications"
    )
    status = models.CharField(
        _("status"),
        max_length=24,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    # A call with a concept-note stage takes a short note first; when the fund accepts it,
    # the same application becomes a draft of the full proposal.
    stage = models.CharField(_("stage"), max_length=8, choices=Stage.choices, default=Stage.FULL)
    title = models.CharField(_("project title"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), max_length=4000, blank=True)
    requested_amount = models.DecimalField(
        _("amount requested (EGP)"), null=True, blank=True, **MONEY
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    screening_note = models.TextField(_("screening note"), blank=True)
    decision_reason = models.TextField(_("reasons for the decision"), blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            # One proposal per organization and call: a second draft would split the work.
            models.UniqueConstraint(
                fields=["call", "organization"], name="one_application_per_call"
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.organization} → {self.call}"


def document_path(instance, filename) -> str:
    """A random name under the application's folder: the uploader's name is never a path."""
    return f"fund/applications/{instance.application_id}/{instance.stored_name}"


class Document(StoredFile):
    """A file attached to an application: one per required document, or sent with an answer."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    required = models.ForeignKey(
        RequiredDocument,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("required document"),
    )
    file = models.FileField(upload_to=document_path, max_length=200)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            # A new file for a required document replaces the old one.
            models.UniqueConstraint(
                fields=["application", "required"],
                condition=models.Q(required__isnull=False),
                name="one_file_per_required_document",
            ),
        ]


class InformationRequest(models.Model):
    """A fund officer's question at screening, and the applicant's answer."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="information_requests"
    )
    question = models.TextField(_("question"))
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    asked_at = models.DateTimeField(auto_now_add=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["asked_at", "pk"]
        verbose_name = _("request for information")
        verbose_name_plural = _("requests for information")

    def __str__(self) -> str:
        return self.question[:60]


class BudgetKind(models.TextChoices):
    PERSONNEL = "personnel", _("Personnel")
    ACTIVITIES = "activities", _("Activities")
    EQUIPMENT = "equipment", _("Equipment")
    ADMINISTRATION = "administration", _("Administration")


class BudgetLine(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="budget_lines"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=BudgetKind.choices)
    description = models.CharField(_("description"), max_length=300)
    amount = models.DecimalField(_("amount (EGP)"), **MONEY)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="budget_line_positive")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.amount}"


class Outcome(models.Model):
    """An outcome of the results framework; its indicators become the grant's indicators."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="outcomes")
    text = models.CharField(_("outcome"), max_length=500)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("outcome")
        verbose_name_plural = _("outcomes")

    def __str__(self) -> str:
        return self.text


class Indicator(models.Model):
    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="indicators")
    name = models.CharField(_("indicator"), max_length=300)
    unit = models.CharField(_("unit"), max_length=50)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name


class Assignment(models.Model):
    """A reviewer's part in one application: declared free of conflict before opening it."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="assignments"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="review_assignments"
    )
    assigned_at = models.DateTimeField(auto_now_add=True)
    no_conflict_declared_at = models.DateTimeField(null=True, blank=True)
    conflict_declared_at = models.DateTimeField(null=True, blank=True)
    conflict_note = models.TextField(_("the conflict"), blank=True)
    completed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["assigned_at", "pk"]
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="one_assignment_per_reviewer"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} → {self.application}"

    @property
    def is_open_to_reviewer(self) -> bool:
        return self.no_conflict_declared_at is not None and self.conflict_declared_at is None


class Score(models.Model):
    """A reviewer's score on one criterion, from 0 to 10, with a comment."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(
        _("score (0–10)"),
        max_digits=4,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
    )
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["criterion__position", "pk"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "criterion"], name="one_score_per_criterion"
            ),
            models.CheckConstraint(
                condition=models.Q(value__gte=0, value__lte=10), name="score_from_0_to_10"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion}: {self.value}"


class Grant(models.Model):
    """What the committee awarded: the agreement's amount and dates, beside what was asked."""

    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="grant")
    amount_awarded = models.DecimalField(_("amount awarded (EGP)"), **MONEY)
    awarded_on = models.DateField(_("awarded on"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-awarded_on", "pk"]
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        constraints = [
            models.CheckConstraint(condition=models.Q(amount_awarded__gt=0), name="grant_positive"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gt=models.F("starts_on")), name="grant_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return str(self.application)


class ReportKind(models.TextChoices):
    PROGRESS = "progress", _("Progress report")
    FINANCIAL = "financial", _("Financial report")
    FINAL = "final", _("Final report")


class ReportStatus(models.TextChoices):
    EXPECTED = "expected", _("Expected")
    SUBMITTED = "submitted", pgettext_lazy("state", "Submitted")
    APPROVED = "approved", _("Approved")
    RETURNED = "returned", _("Sent back")


class ReportQuerySet(models.QuerySet):
    def overdue(self, today):
        """Past their date and not received (or sent back and not sent again)."""
        return self.filter(
            due_on__lt=today, status__in=[ReportStatus.EXPECTED, ReportStatus.RETURNED]
        )


class Report(models.Model):
    """A report the organization owes on its grant, by a due date."""

    grant = models.ForeignKey(Grant, on_delete=models.PROTECT, related_name="reports")
    kind = models.CharField(_("kind"), max_length=16, choices=ReportKind.choices)
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"), max_length=16, choices=ReportStatus.choices, default=ReportStatus.EXPECTED
    )
    narrative = models.TextField(_("what was done"), blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    comments = models.TextField(_("the fund's comments"), blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.due_on}"

    @property
    def is_editable(self) -> bool:
        """The organization may (re)write it: not sent yet, or sent back."""
        return self.status in (ReportStatus.EXPECTED, ReportStatus.RETURNED)


class ReportLine(models.Model):
    """What was spent on one budget line, as the report says."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="lines")
    budget_line = models.ForeignKey(BudgetLine, on_delete=models.PROTECT, related_name="+")
    spent = models.DecimalField(_("spent (EGP)"), **MONEY)

    class Meta:
        verbose_name = _("spending line")
        verbose_name_plural = _("spending lines")
        constraints = [
            models.UniqueConstraint(fields=["report", "budget_line"], name="one_spending_per_line"),
            models.CheckConstraint(condition=models.Q(spent__gte=0), name="spending_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.budget_line}: {self.spent}"


class IndicatorValue(models.Model):
    """An indicator's actual value as a report gives it."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="indicator_values")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="values")
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="one_value_per_indicator")
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value}"


class TrancheCondition(models.TextChoices):
    ON_SIGNATURE = "on_signature", _("On signing the agreement")
    REPORT_APPROVED = "report_approved", _("When a report is approved")
    MILESTONE = "milestone", _("When a milestone is reached")


class Tranche(models.Model):
    """A part of the grant, paid only when its condition is met."""

    grant = models.ForeignKey(Grant, on_delete=models.PROTECT, related_name="tranches")
    position = models.PositiveSmallIntegerField(_("position"))
    amount = models.DecimalField(_("amount (EGP)"), **MONEY)
    condition = models.CharField(_("condition"), max_length=16, choices=TrancheCondition.choices)
    report = models.ForeignKey(
        Report, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    milestone = models.CharField(_("milestone"), max_length=300, blank=True)
    milestone_reached_at = models.DateTimeField(null=True, blank=True)
    released_at = models.DateTimeField(null=True, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    payment_reference = models.CharField(_("payment reference"), max_length=100, blank=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("tranche")
        verbose_name_plural = _("tranches")
        constraints = [
            models.UniqueConstraint(fields=["grant", "position"], name="one_tranche_per_position"),
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="tranche_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.grant} #{self.position}"
