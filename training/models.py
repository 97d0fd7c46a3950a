"""The digital-skills programme: courses and their cohorts, the people trained (one
person, one record), enrolments with a waiting list, and attendance by session."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from encrypted_fields.fields import EncryptedCharField

from core.i18n import localized


class TargetGroup(models.TextChoices):
    MINISTRY_STAFF = "ministry_staff", _("Ministry staff")
    DIRECTORATE_STAFF = "directorate_staff", _("Directorate staff")
    ASSOCIATION_STAFF = "association_staff", _("Association staff")
    AMBASSADOR = "ambassador", _("Social ambassador")
    VOLUNTEER = "volunteer", _("Volunteer")
    BENEFICIARY = "beneficiary", _("Takaful and Karama family member")


class Competence(models.Model):
    """A skill the programme builds (the ministry edits the framework)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_ar = models.CharField(_("Arabic name"), max_length=120)
    name_en = models.CharField(_("English name"), max_length=120)

    class Meta:
        ordering = ["code"]
        verbose_name = _("competence")
        verbose_name_plural = _("competences")

    def __str__(self) -> str:
        return localized(self, "name")


class Course(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    title_ar = models.CharField(_("Arabic title"), max_length=200)
    title_en = models.CharField(_("English title"), max_length=200)
    programme = models.CharField(_("programme"), max_length=120)
    hours = models.PositiveSmallIntegerField(_("hours"))
    target_groups = models.JSONField(_("for"), default=list)
    competences = models.ManyToManyField(Competence, verbose_name=_("competences"), blank=True)
    # Completion: this share of the sessions attended (and the post-test passed, later).
    attendance_needed = models.PositiveSmallIntegerField(_("attendance needed (%)"), default=75)
    pass_mark = models.PositiveSmallIntegerField(_("post-test pass mark (%)"), default=60)

    class Meta:
        ordering = ["code"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self) -> str:
        return localized(self, "title")


class Cohort(models.Model):
    """A course run at a place (a hall in a governorate, or online) by a trainer."""

    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="cohorts")
    governorate = models.ForeignKey(
        "core.Governorate",
        verbose_name=_("governorate"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    venue = models.CharField(_("hall or link"), max_length=200)
    online = models.BooleanField(_("online"), default=False)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="cohorts"
    )
    capacity = models.PositiveSmallIntegerField(_("places"))
    self_enrolment = models.BooleanField(_("open to anyone who signs in"), default=False)
    # People holding a place (not waiting, not withdrawn), kept by the enrolment actions
    # under the cohort's row lock: the trainers' load adds 20,000 cohorts, not a million rows.
    enrolled = models.PositiveIntegerField(default=0, editable=False)
    # Closed once, by its trainer, when the certificates are issued; a cohort closed before
    # its last session carries the trainer's reason.
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    closing_reason = models.TextField(_("why it was closed early"), blank=True)

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")

    def __str__(self) -> str:
        return f"{self.course} · {self.starts_on}"

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class Session(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="sessions")
    position = models.PositiveSmallIntegerField(_("session"))
    starts_at = models.DateTimeField(_("starts at"))

    class Meta:
        ordering = ["position"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "position"], name="one_session_per_position")
        ]

    def __str__(self) -> str:
        return f"{self.cohort} #{self.position}"


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")


class Trainee(models.Model):
    """One person, one record: found again by the keyed digest of their national ID,
    however it was typed; a duplicate that slips through is merged into the original."""

    name = EncryptedCharField(_("name"), max_length=200)
    national_id = EncryptedCharField(_("national ID"), max_length=14, blank=True, null=True)
    national_id_digest = models.CharField(max_length=64, blank=True, editable=False)
    phone = EncryptedCharField(_("phone"), max_length=16, blank=True, null=True)
    sex = models.CharField(_("sex"), max_length=8, choices=Sex.choices)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    target_group = models.CharField(_("group"), max_length=24, choices=TargetGroup.choices)
    governorate = models.ForeignKey(
        "core.Governorate", verbose_name=_("governorate"), on_delete=models.PROTECT
    )
    organization = models.ForeignKey(
        "registry.Organization",
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="trainees",
    )
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("trainee")
        verbose_name_plural = _("trainees")
        constraints = [
            # The same person once (among those not merged away); no ID, no such check.
            models.UniqueConstraint(
                fields=["national_id_digest"],
                condition=~models.Q(national_id_digest="") & models.Q(merged_into__isnull=True),
                name="one_trainee_per_national_id",
            )
        ]

    def __str__(self) -> str:
        return self.name


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("Enrolled")
    WAITING = "waiting", _("On the waiting list")
    COMPLETED = "completed", _("Completed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class AgeBand(models.TextChoices):
    UNDER_25 = "under_25", _("Under 25")
    FROM_25 = "25_39", _("25 to 39")
    FROM_40 = "40_59", _("40 to 59")
    FROM_60 = "60_plus", _("60 and over")
    UNKNOWN = "unknown", _("Not known")


class Enrolment(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.PROTECT, related_name="enrolments")
    trainee = models.ForeignKey(Trainee, on_delete=models.PROTECT, related_name="enrolments")
    # Who the person was when they enrolled, kept on the row: the reach dashboard adds up
    # a million enrolments by these without joining three tables each time.
    course = models.ForeignKey(Course, on_delete=models.PROTECT, related_name="+")
    governorate = models.ForeignKey(
        "core.Governorate", on_delete=models.PROTECT, related_name="+", null=True
    )
    target_group = models.CharField(max_length=24, choices=TargetGroup.choices)
    sex = models.CharField(max_length=8, choices=Sex.choices)
    age_band = models.CharField(max_length=8, choices=AgeBand.choices)
    starts_on = models.DateField()
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=EnrolmentStatus.choices,
        default=EnrolmentStatus.ENROLLED,
    )
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    enrolled_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["enrolled_at", "pk"]
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        indexes = [
            # Covers the reach dashboard's one grouped query: read from the index alone.
            models.Index(
                fields=[
                    "starts_on",
                    "governorate",
                    "target_group",
                    "sex",
                    "age_band",
                    "course",
                    "status",
                ],
                name="enrolment_reach",
            )
        ]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "trainee"], name="one_enrolment_each")
        ]

    def __str__(self) -> str:
        return f"{self.trainee} → {self.cohort}"


class Attendance(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="marks")
    trainee = models.ForeignKey(Trainee, on_delete=models.PROTECT, related_name="attendance")
    present = models.BooleanField(_("present"))
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    marked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["session", "trainee"], name="one_mark_per_session")
        ]

    def __str__(self) -> str:
        return f"{self.trainee} @ {self.session}: {self.present}"


class RosterSubmission(models.Model):
    """A roster sent from a trainer's phone, by the key the phone gave it: sent again
    after a lost connection, it is recognised and not counted twice."""

    key = models.CharField(max_length=64, unique=True)
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="+")
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("roster submission")
        verbose_name_plural = _("roster submissions")

    def __str__(self) -> str:
        return self.key


class Question(models.Model):
    """A multiple-choice question of the bank, for one competence, in both languages."""

    competence = models.ForeignKey(Competence, on_delete=models.PROTECT, related_name="questions")
    text_ar = models.CharField(_("Arabic question"), max_length=300)
    text_en = models.CharField(_("English question"), max_length=300)
    # [{"ar": ..., "en": ...}, ...]; ``correct`` is the index of the right one.
    choices = models.JSONField(_("choices"))
    correct = models.PositiveSmallIntegerField(_("the right choice"))
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["competence", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return localized(self, "text")


class TestKind(models.TextChoices):
    PRE = "pre", _("Before the course")
    POST = "post", _("After the course")


class TestResult(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="tests")
    kind = models.CharField(_("test"), max_length=4, choices=TestKind.choices)
    score = models.PositiveSmallIntegerField(_("score (%)"))
    answers = models.JSONField(default=dict)
    taken_at = models.DateTimeField(auto_now_add=True)
    # A result corrected by the trainer (answers typed wrongly on the tablet, say), with why;
    # the score before is in the audit log.
    corrected_at = models.DateTimeField(_("corrected"), null=True, blank=True)
    correction_reason = models.TextField(_("why it was corrected"), blank=True)

    class Meta:
        verbose_name = _("test result")
        verbose_name_plural = _("test results")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "kind"], name="one_test_of_each_kind")
        ]

    def __str__(self) -> str:
        return f"{self.enrolment} {self.kind}: {self.score}"


class Certificate(models.Model):
    enrolment = models.OneToOneField(
        Enrolment, on_delete=models.PROTECT, related_name="certificate"
    )
    code = models.CharField(_("certificate code"), max_length=16, unique=True)
    issued_on = models.DateField(_("issued on"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.TextField(_("why it was revoked"), blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self) -> str:
        return self.code
