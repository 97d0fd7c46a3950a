"""What the money and the programmes changed: a library of indicators mapped to SDG targets,
results frameworks (of grants and of programmes) with targets and values per quarter, and
each value's evidence and verification."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.i18n import localized
from core.models import StoredFile
from core.reference import governorates


class SdgTarget(models.Model):
    """A target of the Sustainable Development Goals (codes such as 1.3 or 4.4), as data."""

    code = models.CharField(_("code"), max_length=5, unique=True)
    goal = models.PositiveSmallIntegerField(_("goal"))
    title_ar = models.TextField(_("Arabic title"))
    title_en = models.TextField(_("English title"))

    class Meta:
        ordering = ["goal", "pk"]
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")

    def __str__(self) -> str:
        return self.code

    @property
    def title(self) -> str:
        return localized(self, "title")


class Direction(models.TextChoices):
    UP = "up", _("Higher is better")
    DOWN = "down", _("Lower is better")


class Aggregation(models.TextChoices):
    SUM = "sum", _("Sum: values add up across periods and places")
    MEAN = "mean", _("Average of the values")
    LATEST = "latest", _("Latest value: a level, never added up")
    RATIO = "ratio", _("Ratio: computed from its numerator and denominator")


class Dimension(models.TextChoices):
    SEX = "sex", _("Sex")
    AGE = "age", _("Age band")
    GOVERNORATE = "governorate", _("Governorate")
    DISABILITY = "disability", _("Disability")


CATEGORIES = {
    Dimension.SEX: {"female": _("Female"), "male": _("Male")},
    Dimension.AGE: {"under_18": "< 18", "18_29": "18–29", "30_59": "30–59", "60_plus": "60+"},
    Dimension.DISABILITY: {
        "with": _("With a disability"),
        "without": _("Without a disability"),
    },
}


def categories(dimension: str) -> dict[str, str]:
    """The categories of a disaggregation, code → label in the reader's language."""
    if dimension == Dimension.GOVERNORATE:
        return {code: governorate.name for code, governorate in governorates().items()}
    return CATEGORIES[dimension]


class Indicator(models.Model):
    """An indicator of the library: defined once, used by every grant and programme.

    A ratio is a formula over two other indicators, never typed in (as in DHIS2): its
    values, targets and totals are always computed from its parts."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_ar = models.CharField(_("Arabic name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200)
    definition_ar = models.TextField(_("Arabic definition"))
    definition_en = models.TextField(_("English definition"))
    unit_ar = models.CharField(_("Arabic unit"), max_length=40)
    unit_en = models.CharField(_("English unit"), max_length=40)
    direction = models.CharField(
        _("direction"), max_length=4, choices=Direction.choices, default=Direction.UP
    )
    aggregation = models.CharField(_("aggregation"), max_length=8, choices=Aggregation.choices)
    numerator = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    denominator = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    factor = models.PositiveIntegerField(
        _("factor"), default=1, help_text=_("100 for a percentage, 1000 for a rate per thousand.")
    )
    disaggregations = models.JSONField(
        _("disaggregations"), default=list, blank=True, help_text=_("Dimension codes.")
    )
    counts_people = models.BooleanField(
        _("counts people reached"),
        default=False,
        help_text=_("Used for the cost per beneficiary where the money is known."),
    )
    sdg_targets = models.ManyToManyField(
        SdgTarget, verbose_name=_("SDG targets"), blank=True, related_name="indicators"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(
                        aggregation="ratio",
                        numerator__isnull=False,
                        denominator__isnull=False,
                    )
                    | (
                        ~models.Q(aggregation="ratio")
                        & models.Q(numerator__isnull=True, denominator__isnull=True)
                    )
                ),
                name="ratio_has_its_parts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}: {self.name}"

    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def definition(self) -> str:
        return localized(self, "definition")

    @property
    def unit(self) -> str:
        return localized(self, "unit")

    @property
    def is_ratio(self) -> bool:
        return self.aggregation == Aggregation.RATIO


class Programme(models.Model):
    """A programme of the ministry or the fund with its own results framework."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_ar = models.CharField(_("Arabic name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200)
    summary_ar = models.TextField(_("Arabic summary"), blank=True)
    summary_en = models.TextField(_("English summary"), blank=True)
    budget = models.DecimalField(
        _("budget (EGP)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))

    class Meta:
        ordering = ["code"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")


class Measure(models.Model):
    """One indicator in one results framework: a grant's or a programme's.

    A grant's measures start from the indicators its application promised (``proposal``);
    a fund officer ties each to the library so that it counts in the totals."""

    grant = models.ForeignKey(
        "fund.Grant", null=True, blank=True, on_delete=models.CASCADE, related_name="measures"
    )
    programme = models.ForeignKey(
        Programme, null=True, blank=True, on_delete=models.CASCADE, related_name="measures"
    )
    proposal = models.OneToOneField(
        "fund.Indicator", null=True, blank=True, on_delete=models.SET_NULL, related_name="measure"
    )
    indicator = models.ForeignKey(
        Indicator,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="measures",
        verbose_name=_("library indicator"),
    )
    outcome = models.CharField(_("outcome"), max_length=500)
    name = models.CharField(_("indicator as the framework names it"), max_length=300)
    unit = models.CharField(_("unit"), max_length=50)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2, default=0)
    governorate = models.ForeignKey(
        "core.Governorate",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("governorate"),
        help_text=_("Empty for a national measure."),
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        indexes = [models.Index(fields=["indicator", "governorate"])]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(grant__isnull=False, programme__isnull=True)
                    | models.Q(grant__isnull=True, programme__isnull=False)
                ),
                name="measure_of_a_grant_or_a_programme",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Target(models.Model):
    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="targets")
    period = models.DateField(_("quarter"))
    value = models.DecimalField(_("target"), max_digits=14, decimal_places=2)

    class Meta:
        ordering = ["period"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.UniqueConstraint(fields=["measure", "period"], name="one_target_per_quarter")
        ]

    def __str__(self) -> str:
        return f"{self.measure} {self.period}: {self.value}"


class Verification(models.TextChoices):
    REPORTED = "reported", pgettext_lazy("value", "Reported")
    VERIFIED = "verified", pgettext_lazy("value", "Verified")
    REJECTED = "rejected", pgettext_lazy("value", "Rejected")


class Value(models.Model):
    """An actual value for a quarter: the total (no dimension) or one category of a
    disaggregation (sex = female, say). Only verified values count in the totals."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="values")
    period = models.DateField(_("quarter"))
    dimension = models.CharField(
        _("disaggregation"), max_length=12, choices=Dimension.choices, blank=True
    )
    category = models.CharField(_("category"), max_length=20, blank=True)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=500, blank=True)
    status = models.CharField(
        _("verification"),
        max_length=8,
        choices=Verification.choices,
        default=Verification.REPORTED,
    )
    reason = models.TextField(_("reason for rejecting"), blank=True)
    report = models.ForeignKey(
        "fund.Report", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reported_at = models.DateTimeField(auto_now=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    checked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["period", "dimension", "category"]
        verbose_name = _("value")
        verbose_name_plural = _("values")
        indexes = [models.Index(fields=["status", "period"])]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "period", "dimension", "category"],
                name="one_value_per_quarter_and_category",
            ),
            models.CheckConstraint(
                condition=models.Q(dimension="", category="")
                | (~models.Q(dimension="") & ~models.Q(category="")),
                name="category_belongs_to_a_dimension",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.measure} {self.period}: {self.value}"

    @property
    def category_label(self) -> str:
        return str(categories(self.dimension).get(self.category, self.category))


class Evidence(StoredFile):
    """A file showing a value is true (an attendance sheet, a photo, a list)."""

    value = models.ForeignKey(Value, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to="impact/evidence/")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")


class Cell(models.Model):
    """Partial sums of verified values and of targets, per library indicator, governorate,
    quarter, source and category, rebuilt from the values by ``impact.rollup`` so that
    the public figures read thousands of rows instead of millions.

    ``last`` parts hold the values that are their measure's latest (over all time, and
    within the calendar year: ``year_last``), so that a level is never summed."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    governorate = models.ForeignKey(
        "core.Governorate", null=True, on_delete=models.CASCADE, related_name="+"
    )
    period = models.DateField()
    source = models.CharField(max_length=10)  # "grants" or "programmes"
    dimension = models.CharField(max_length=12, blank=True)
    category = models.CharField(max_length=20, blank=True)
    value_sum = models.DecimalField(max_digits=20, decimal_places=2, default=0)
    value_count = models.PositiveIntegerField(default=0)
    year_last_sum = models.DecimalField(max_digits=20, decimal_places=2, default=0)
    year_last_count = models.PositiveIntegerField(default=0)
    last_sum = models.DecimalField(max_digits=20, decimal_places=2, default=0)
    last_count = models.PositiveIntegerField(default=0)
    target_sum = models.DecimalField(max_digits=20, decimal_places=2, default=0)
    target_count = models.PositiveIntegerField(default=0)
    target_year_last_sum = models.DecimalField(max_digits=20, decimal_places=2, default=0)
    target_year_last_count = models.PositiveIntegerField(default=0)
    target_last_sum = models.DecimalField(max_digits=20, decimal_places=2, default=0)
    target_last_count = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["dimension", "indicator", "period"])]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.governorate_id} {self.period}"


class Reach(models.Model):
    """Per library indicator, governorate and source: the measures' baselines, and the
    money of the grants and programmes with verified values (all time, or one year)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    governorate = models.ForeignKey(
        "core.Governorate", null=True, on_delete=models.CASCADE, related_name="+"
    )
    source = models.CharField(max_length=10)
    year = models.PositiveSmallIntegerField(null=True)  # empty: all time
    baseline_sum = models.DecimalField(max_digits=20, decimal_places=2, default=0)
    baseline_count = models.PositiveIntegerField(default=0)
    # Four places: shares of a budget split in three must add back to the budget.
    money = models.DecimalField(max_digits=22, decimal_places=4, default=0)

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.governorate_id} {self.year}"


class RollupState(models.Model):
    """When the partial sums were last rebuilt (one row)."""

    built_at = models.DateTimeField()

    def __str__(self) -> str:
        return str(self.built_at)
