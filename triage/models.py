"""The triage's memory: which model version proposed what for each case, and what people
said it should have been."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ModelVersion(models.Model):
    """A trained model: where its files are, what it learned from, how well it did."""

    number = models.PositiveIntegerField(_("version"), unique=True)
    # Relative to TRIAGE_MODEL_DIR; "seed" is the model shipped in triage/data/seed_model.
    folder = models.CharField(_("folder"), max_length=200)
    created_at = models.DateTimeField(_("trained"), auto_now_add=True)
    trained_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trained by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    data_fingerprint = models.CharField(_("data fingerprint (SHA-256)"), max_length=64)
    rows = models.PositiveIntegerField(_("texts learned from"))
    # How many of those texts were officers' labels (the rest: the seed data set); the
    # model card says it in the reader's language, which free-text notes cannot.
    labels = models.PositiveIntegerField(_("officers' labels learned from"), default=0)
    metrics = models.JSONField(_("scores on held-out texts"), default=dict)
    notes = models.TextField(_("notes"), blank=True)
    is_active = models.BooleanField(_("active"), default=False)
    activated_at = models.DateTimeField(_("activated"), null=True, blank=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("triage model version")
        verbose_name_plural = _("triage model versions")
        constraints = [
            models.UniqueConstraint(
                fields=["is_active"], condition=models.Q(is_active=True), name="one_active_model"
            )
        ]

    def __str__(self) -> str:
        return f"v{self.number}"


class ReviewState(models.TextChoices):
    APPLIED = "applied", _("Applied (confident)")
    WAITING = "waiting", _("Waiting for a person")
    CONFIRMED = "confirmed", _("Confirmed by an officer")
    CORRECTED = "corrected", _("Corrected by an officer")


class Proposal(models.Model):
    """What the model proposed for a new case, and why."""

    case = models.OneToOneField(
        "complaints.Case", on_delete=models.CASCADE, related_name="triage", verbose_name=_("case")
    )
    version = models.ForeignKey(
        ModelVersion, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("model")
    )
    category_code = models.CharField(_("proposed category"), max_length=40)
    confidence = models.FloatField(_("confidence"))
    urgency = models.CharField(_("proposed urgency"), max_length=16, blank=True)
    urgency_confidence = models.FloatField(_("urgency confidence"), default=0)
    critical_probability = models.FloatField(_("probability of critical"), default=0)
    possibly_critical = models.BooleanField(_("possibly critical"), default=False)
    words = models.JSONField(_("words behind the proposal"), default=list)
    danger_cues = models.JSONField(_("danger cues"), default=list)
    # The category the person filing chose, kept to measure how often the model disagrees.
    filed_category_code = models.CharField(_("category chosen at filing"), max_length=40)
    possible_duplicate = models.ForeignKey(
        "complaints.Case",
        verbose_name=_("possible duplicate of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    state = models.CharField(
        _("state"), max_length=16, choices=ReviewState.choices, default=ReviewState.WAITING
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-possibly_critical", "created_at"]
        verbose_name = _("triage proposal")
        verbose_name_plural = _("triage proposals")
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self) -> str:
        return f"{self.case} → {self.category_code}"

    @property
    def proposed_category(self):
        """The proposed category (its name shows), or its code if it is not ours."""
        from complaints.reference import all_categories

        return all_categories().get(self.category_code, self.category_code)

    @property
    def filed_category(self):
        from complaints.reference import all_categories

        return all_categories().get(self.filed_category_code, self.filed_category_code)

    @property
    def words_as_written(self) -> list[str]:
        """The words behind the proposal spelled as the citizen wrote them."""
        from triage.text import as_written

        return as_written(self.words, self.case.description)

    @property
    def danger_cues_as_written(self) -> list[str]:
        from triage.text import as_written

        return as_written(self.danger_cues, self.case.description)

    @property
    def urgency_label(self) -> str:
        """The urgency in words, when it is one of ours (a model may learn others)."""
        from complaints.models import Urgency

        return Urgency(self.urgency).label if self.urgency in Urgency.values else self.urgency


class Label(models.Model):
    """What a person said a case's category and urgency are: the data for the next model."""

    case = models.ForeignKey(
        "complaints.Case", on_delete=models.CASCADE, related_name="labels", verbose_name=_("case")
    )
    text = models.TextField(_("text"))  # as it was labelled, for retraining
    category_code = models.CharField(_("category"), max_length=40)
    urgency = models.CharField(_("urgency"), max_length=16)
    corrected = models.BooleanField(_("corrected the proposal"), default=False)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("label")
        verbose_name_plural = _("labels")

    def __str__(self) -> str:
        return f"{self.case}: {self.category_code}/{self.urgency}"
