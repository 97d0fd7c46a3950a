"""Where each organization stands digitally: a questionnaire by dimension, rated on the
NCVO digital maturity scale, scored 0–100 per dimension and overall, repeated over time."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.i18n import LocalizedNameMixin, localized


class Rating(models.IntegerChoices):
    NOT_STARTED = 0, _("Not started")
    SOME_ACTIVITY = 1, _("Some activity")
    SOME_SUCCESS = 2, _("Some success")
    HIGHLY_EFFECTIVE = 3, _("Highly effective")


class Dimension(LocalizedNameMixin, models.Model):  # noqa: DJ008 (the mixin gives __str__)
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_ar = models.CharField(_("Arabic name"), max_length=120)
    name_en = models.CharField(_("English name"), max_length=120)
    position = models.PositiveSmallIntegerField(default=0)
    competences = models.JSONField(
        _("training competences that help"),
        default=list,
        blank=True,
        help_text=_("Codes of the training programme's competences."),
    )

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("dimension")
        verbose_name_plural = _("dimensions")


class Statement(models.Model):
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="statements")
    text_ar = models.TextField(_("Arabic text"))
    text_en = models.TextField(_("English text"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["dimension__position", "position", "pk"]
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def __str__(self) -> str:
        return localized(self, "text")


class Assessment(models.Model):
    """One organization's answers at one time, with the scores they gave."""

    organization = models.ForeignKey(
        "registry.Organization", on_delete=models.CASCADE, related_name="maturity_assessments"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    overall = models.DecimalField(_("overall score"), max_digits=5, decimal_places=2)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("maturity assessment")
        verbose_name_plural = _("maturity assessments")
        indexes = [models.Index(fields=["organization", "-submitted_at"])]

    def __str__(self) -> str:
        return f"{self.organization} {self.submitted_at:%Y-%m-%d}"


class Answer(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="+")
    rating = models.PositiveSmallIntegerField(_("rating"), choices=Rating.choices)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "statement"], name="one_answer_each")
        ]

    def __str__(self) -> str:
        return f"{self.statement}: {self.rating}"


class Score(models.Model):
    """A dimension's score (0–100) in one assessment, kept for comparisons with peers."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    dimension = models.ForeignKey(Dimension, on_delete=models.PROTECT, related_name="+")
    score = models.DecimalField(_("score"), max_digits=5, decimal_places=2)

    class Meta:
        ordering = ["dimension__position"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "dimension"], name="one_score_each")
        ]

    def __str__(self) -> str:
        return f"{self.dimension}: {self.score}"


class Draft(models.Model):
    """The answers a person has given so far, one dimension at a time: kept in the
    database, so a questionnaire left halfway is found again on any device."""

    organization = models.ForeignKey(
        "registry.Organization", on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    ratings = models.JSONField(default=dict)  # statement id (as text) → rating
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("questionnaire in progress")
        verbose_name_plural = _("questionnaires in progress")
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="one_draft_each")
        ]

    def __str__(self) -> str:
        return f"{self.organization_id} · {self.user_id}"
