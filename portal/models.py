"""The public website's content: the ministry's services, and the news, events and pages
its editors write in Arabic and English, published after review."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.i18n import active_language, localized
from core.models import StoredFile
from core.text import search_key
from portal.richtext import to_html


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


# --- What editors write ----------------------------------------------------------------

LANGUAGES = ("ar", "en")


class State(models.TextChoices):
    """Written, read by a second person, then shown from its publication time."""

    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("Waiting for review")
    APPROVED = "approved", _("Approved")


class PublishedQuerySet(models.QuerySet):
    def live(self):
        """What the public sees: approved, and its publication time has come."""
        return self.filter(state=State.APPROVED, publish_at__lte=timezone.now())


class EventQuerySet(PublishedQuerySet):
    def _over(self) -> models.Q:
        # An event with no end is over a day after it starts.
        now = timezone.now()
        return models.Q(ends_at__lt=now) | models.Q(
            ends_at__isnull=True, starts_at__lt=now - timedelta(days=1)
        )

    def coming(self):
        return self.live().exclude(self._over()).order_by("starts_at", "pk")

    def over(self):
        return self.live().filter(self._over()).order_by("-starts_at", "-pk")


class Picture(StoredFile):
    """An image for the news and events, cleaned of its metadata and made phone-sized."""

    file = models.FileField(upload_to="portal/pictures/")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("picture")
        verbose_name_plural = _("pictures")

    def get_absolute_url(self) -> str:
        return reverse("portal:picture", args=[self.stored_name])


class Publishable(models.Model):
    """A piece in both languages, with its way through review to publication.

    Either language may come first; the reader sees their own where it exists and the
    other, marked as such, where it does not yet."""

    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.DRAFT, editable=False
    )
    publish_at = models.DateTimeField(
        _("publish at"),
        default=timezone.now,
        help_text=_("Shown from this moment once approved; a later time schedules it."),
    )
    title_ar = models.CharField(_("title (Arabic)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    summary_ar = models.TextField(_("summary (Arabic)"), max_length=400, blank=True)
    summary_en = models.TextField(_("summary (English)"), max_length=400, blank=True)
    body_ar = models.TextField(
        _("text (Arabic)"),
        blank=True,
        help_text=_("Paragraphs, **bold**, lists, [links](https://…) and ## headings."),
    )
    body_en = models.TextField(
        _("text (English)"),
        blank=True,
        help_text=_("Paragraphs, **bold**, lists, [links](https://…) and ## headings."),
    )
    body_html_ar = models.TextField(editable=False, default="")
    body_html_en = models.TextField(editable=False, default="")
    search_text = models.TextField(editable=False, default="")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-publish_at", "-pk"]

    def __str__(self) -> str:
        return self.title_ar or self.title_en

    def save(self, *args, **kwargs):
        for language in LANGUAGES:
            body = getattr(self, f"body_{language}")
            setattr(self, f"body_html_{language}", to_html(body))
        self.search_text = search_key(" ".join(self._searched()))
        super().save(*args, **kwargs)

    def clean(self):
        if not (self.title_ar.strip() or self.title_en.strip()):
            raise ValidationError(_("Give the title in Arabic, in English or in both."))

    def _searched(self):
        for name in ("title", "summary", "body"):
            for language in LANGUAGES:
                yield getattr(self, f"{name}_{language}")

    @property
    def missing_languages(self) -> list[str]:
        """The languages this piece has no title in yet."""
        return [lang for lang in LANGUAGES if not getattr(self, f"title_{lang}").strip()]

    @property
    def language(self) -> str:
        """The language the reader sees it in: theirs where written, else the other."""
        reader = active_language()
        return (
            reader
            if reader not in self.missing_languages
            else next(lang for lang in LANGUAGES if lang != reader)
        )

    def _in_language(self, name: str) -> str:
        return getattr(self, f"{name}_{self.language}")

    title = property(lambda self: self._in_language("title"))
    summary = property(lambda self: self._in_language("summary"))
    body_html = property(lambda self: self._in_language("body_html"))

    @property
    def is_live(self) -> bool:
        return self.state == State.APPROVED and self.publish_at <= timezone.now()

    @property
    def status_label(self) -> str:
        if self.state != State.APPROVED:
            return self.get_state_display()
        if self.is_live:
            return str(_("Published"))
        return str(_("Scheduled"))


class NewsKind(models.TextChoices):
    NEWS = "news", _("News")
    ACTIVITY = "activity", _("Activity")


class Illustrated(Publishable):
    picture = models.ForeignKey(
        Picture, verbose_name=_("picture"), null=True, blank=True, on_delete=models.PROTECT
    )
    picture_alt_ar = models.CharField(
        _("what the picture shows (Arabic)"), max_length=200, blank=True
    )
    picture_alt_en = models.CharField(
        _("what the picture shows (English)"), max_length=200, blank=True
    )
    governorate = models.ForeignKey(
        "core.Governorate",
        verbose_name=_("governorate"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("Leave empty for the whole country."),
    )

    class Meta(Publishable.Meta):
        abstract = True

    @property
    def picture_alt(self) -> str:
        return self._in_language("picture_alt")


class NewsItem(Illustrated):
    """News of the ministry, or an activity of it or of the organizations it supports."""

    kind = models.CharField(_("kind"), max_length=10, choices=NewsKind.choices)

    class Meta(Illustrated.Meta):
        verbose_name = _("news item")
        verbose_name_plural = _("news and activities")
        permissions = [("publish_newsitem", _("Can approve and publish news"))]

    def get_absolute_url(self) -> str:
        return reverse("portal:news_item", args=[self.pk])


class Event(Illustrated):
    """Something happening at a date and a place the public may come to."""

    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    place_ar = models.CharField(_("place (Arabic)"), max_length=200, blank=True)
    place_en = models.CharField(_("place (English)"), max_length=200, blank=True)

    objects = EventQuerySet.as_manager()

    class Meta(Illustrated.Meta):
        verbose_name = _("event")
        verbose_name_plural = _("events")
        permissions = [("publish_event", _("Can approve and publish events"))]

    def get_absolute_url(self) -> str:
        return reverse("portal:event", args=[self.pk])

    def clean(self):
        super().clean()
        if self.ends_at and self.starts_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("An event cannot end before it starts.")})

    def _searched(self):
        yield from super()._searched()
        yield from (self.place_ar, self.place_en)

    place = property(lambda self: localized(self, "place") or self.place_en)


class Page(Publishable):
    """A page of lasting text: about the ministry, privacy, accessibility."""

    slug = models.SlugField(
        _("address"), max_length=60, unique=True, help_text=_("Latin letters, e.g. about.")
    )
    in_footer = models.BooleanField(_("linked from every page's footer"), default=False)

    class Meta(Publishable.Meta):
        ordering = ["slug"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        permissions = [("publish_page", _("Can approve and publish pages"))]

    def get_absolute_url(self) -> str:
        return reverse("portal:page", args=[self.slug])


# --- A citizen's own space --------------------------------------------------------------


class KeptCertificate(models.Model):
    """A training certificate a person added to their space, proving it theirs with the
    national ID it was issued to."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="kept_certificates"
    )
    certificate = models.ForeignKey(
        "training.Certificate", on_delete=models.CASCADE, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-added_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "certificate"], name="certificate_kept_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.certificate}"
