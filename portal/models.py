"""The ministry's services as the public website describes them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.i18n import active_language, localized
from core.text import search_key


class Audience(models.TextChoices):
    """Who a service is for: the eligibility guide's first question."""

    FAMILY = "family", _("A person or a family")
    ORGANIZATION = "organization", _("An association or foundation")
    OPERATOR = "operator", _("A nursery or care-home operator")
    ANYONE = "anyone", _("Anyone")


SEARCHED = ("title", "summary", "who", "conditions")


class Service(models.Model):
    """A service: who it is for, on what conditions, with which documents, in which steps,
    at what cost and how long, where to go, and where it starts in Sanad."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    audience = models.CharField(_("for"), max_length=12, choices=Audience.choices)
    situations = models.JSONField(
        _("situations it answers"),
        default=list,
        blank=True,
        help_text=_("Codes of the eligibility guide's situations."),
    )
    start = models.CharField(
        _("where it starts in Sanad"), max_length=200, blank=True, help_text=_("A path.")
    )
    position = models.PositiveSmallIntegerField(default=0)
    search_text = models.TextField(editable=False, default="")
    title_ar = models.CharField(_("title (Arabic)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    summary_ar = models.TextField(_("summary (Arabic)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    who_ar = models.TextField(_("who it is for (Arabic)"), blank=True)
    who_en = models.TextField(_("who it is for (English)"), blank=True)
    conditions_ar = models.TextField(_("conditions (Arabic)"), blank=True)
    conditions_en = models.TextField(_("conditions (English)"), blank=True)
    documents_ar = models.TextField(_("documents (Arabic)"), blank=True)
    documents_en = models.TextField(_("documents (English)"), blank=True)
    steps_ar = models.TextField(_("steps (Arabic)"), blank=True)
    steps_en = models.TextField(_("steps (English)"), blank=True)
    fees_ar = models.TextField(_("fees (Arabic)"), blank=True)
    fees_en = models.TextField(_("fees (English)"), blank=True)
    time_ar = models.TextField(_("time to expect (Arabic)"), blank=True)
    time_en = models.TextField(_("time to expect (English)"), blank=True)
    where_ar = models.TextField(_("where to go (Arabic)"), blank=True)
    where_en = models.TextField(_("where to go (English)"), blank=True)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("service")
        verbose_name_plural = _("services")

    def __str__(self) -> str:
        return localized(self, "title")

    def save(self, *args, **kwargs):
        words = (getattr(self, f"{f}_{lang}") for f in SEARCHED for lang in ("ar", "en"))
        self.search_text = search_key(" ".join(words))
        super().save(*args, **kwargs)

    title = property(lambda self: localized(self, "title"))
    summary = property(lambda self: localized(self, "summary"))
    who = property(lambda self: localized(self, "who"))
    conditions = property(lambda self: localized(self, "conditions"))
    fees = property(lambda self: localized(self, "fees"))
    time = property(lambda self: localized(self, "time"))
    where = property(lambda self: localized(self, "where"))

    @property
    def start_url(self) -> str:
        """The start path in the reader's language (English pages live under /en/)."""
        if not self.start or active_language() == "ar":
            return self.start
        return f"/{active_language()}{self.start}"

    @property
    def documents(self) -> list[str]:
        return [line for line in localized(self, "documents").splitlines() if line.strip()]

    @property
    def steps(self) -> list[str]:
        return [line for line in localized(self, "steps").splitlines() if line.strip()]
