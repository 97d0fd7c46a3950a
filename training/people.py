"""People and their places: one person one record, merges that keep history, enrolment
with a waiting list, and attendance that is counted once however often it is sent."""

from enum import StrEnum

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from core import audit
from core.errors import ActionError
from core.national_id import national_id_digest
from training.models import (
    AgeBand,
    Attendance,
    Cohort,
    Enrolment,
    EnrolmentStatus,
    RosterSubmission,
    Session,
    Trainee,
)


class TrainingError(StrEnum):
    SAME_PERSON = "same_person"
    NOT_ENROLLED = "not_enrolled"
    FUTURE_SESSION = "future_session"
    COHORT_CLOSED = "cohort_closed"


def refuse_if_closed(cohort) -> None:
    if cohort.is_closed:
        raise ActionError(
            TrainingError.COHORT_CLOSED,
            _("This cohort was closed on %(date)s: nothing in it changes any more.")
            % {"date": date_format(timezone.localtime(cohort.closed_at), "DATE_FORMAT")},
        )


def register(*, by: User, national_id: str = "", **fields) -> tuple[Trainee, bool]:
    """The person with this national ID (cleaned by the form: any digits, one form), or
    a new record; returns (trainee, created). Two trainers registering the same person at
    once end with one record too."""
    digest = national_id_digest(national_id)
    if digest:
        found = Trainee.objects.filter(national_id_digest=digest, merged_into=None).first()
        if found is not None:
            return found, False
    try:
        with transaction.atomic():
            trainee = Trainee.objects.create(
                national_id=national_id or None, national_id_digest=digest, **fields
            )
            audit.record("training.trainee_registered", actor=by, obj=trainee)
    except IntegrityError:
        return Trainee.objects.get(national_id_digest=digest, merged_into=None), False
    return trainee, True


def merge(keep: Trainee, duplicate: Trainee, *, by: User) -> Trainee:
    """Fold ``duplicate`` into ``keep``: every enrolment and attendance mark moves over (a
    cohort both were in keeps the better record), and the duplicate points to ``keep``."""
    if keep.pk == duplicate.pk:
        raise ActionError(
            TrainingError.SAME_PERSON, _("A person cannot be merged with themselves.")
        )
    with transaction.atomic():
        for enrolment in duplicate.enrolments.select_for_update():
            mine = keep.enrolments.filter(cohort=enrolment.cohort_id).first()
            if mine is None:
                enrolment.trainee = keep
                enrolment.save(update_fields=["trainee"])
            elif mine.status in (EnrolmentStatus.WAITING, EnrolmentStatus.WITHDRAWN):
                mine.status = enrolment.status
                mine.save(update_fields=["status"])
        for mark in duplicate.attendance.select_for_update():
            mine = keep.attendance.filter(session=mark.session_id).first()
            if mine is None:
                mark.trainee = keep
                mark.save(update_fields=["trainee"])
            elif mark.present and not mine.present:
                mine.present = True
                mine.save(update_fields=["present"])
        duplicate.attendance.all().delete()  # what was left had its better twin kept
        duplicate.enrolments.all().delete()
        duplicate.merged_into = keep
        duplicate.save(update_fields=["merged_into"])
        if not keep.national_id_digest and duplicate.national_id_digest:
            keep.national_id, keep.national_id_digest = (
                duplicate.national_id,
                duplicate.national_id_digest,
            )
            duplicate.national_id_digest = ""
            duplicate.save(update_fields=["national_id_digest"])
            keep.save(update_fields=["national_id", "national_id_digest"])
        audit.record("training.trainees_merged", actor=by, obj=keep, data={"merged": duplicate.pk})
    return keep


def age_band(birth_year: int | None, in_year: int) -> str:
    if not birth_year:
        return AgeBand.UNKNOWN
    age = in_year - birth_year
    if age < 25:
        return AgeBand.UNDER_25
    if age < 40:
        return AgeBand.FROM_25
    return AgeBand.FROM_40 if age < 60 else AgeBand.FROM_60


def enrol(cohort: Cohort, trainee: Trainee, *, by: User) -> Enrolment:
    """A place if one is free, else the waiting list; enrolling twice changes nothing."""
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().get(pk=cohort.pk)
        existing = cohort.enrolments.filter(trainee=trainee).first()
        if existing is not None:
            return existing
        refuse_if_closed(cohort)
        status = (
            EnrolmentStatus.ENROLLED
            if cohort.enrolled < cohort.capacity
            else EnrolmentStatus.WAITING
        )
        enrolment = Enrolment.objects.create(
            cohort=cohort,
            trainee=trainee,
            status=status,
            enrolled_by=by,
            course_id=cohort.course_id,
            governorate_id=trainee.governorate_id,
            target_group=trainee.target_group,
            sex=trainee.sex,
            age_band=age_band(trainee.birth_year, cohort.starts_on.year),
            starts_on=cohort.starts_on,
        )
        if status == EnrolmentStatus.ENROLLED:
            Cohort.objects.filter(pk=cohort.pk).update(enrolled=F("enrolled") + 1)
        audit.record(
            "training.enrolled",
            actor=by,
            obj=cohort,
            data={"trainee": trainee.pk, "status": status},
        )
    return enrolment


def withdraw(enrolment: Enrolment, *, by: User) -> Enrolment | None:
    """Free the place; the first on the waiting list takes it (returned)."""
    with transaction.atomic():
        cohort = Cohort.objects.select_for_update().get(pk=enrolment.cohort_id)
        was_enrolled = enrolment.status == EnrolmentStatus.ENROLLED
        enrolment.status = EnrolmentStatus.WITHDRAWN
        enrolment.save(update_fields=["status"])
        audit.record(
            "training.withdrawn", actor=by, obj=cohort, data={"trainee": enrolment.trainee_id}
        )
        if not was_enrolled:
            return None
        following = cohort.enrolments.filter(status=EnrolmentStatus.WAITING).first()
        if following is not None:  # the place passes on: the count stays
            following.status = EnrolmentStatus.ENROLLED
            following.save(update_fields=["status"])
        else:
            Cohort.objects.filter(pk=cohort.pk).update(enrolled=F("enrolled") - 1)
        return following


def mark_attendance(session: Session, marks: dict[int, bool], *, by: User, key: str) -> bool:
    """Record a session's roster; ``key`` is the phone's own name for this sending, so a
    roster sent again after a lost answer is not counted twice. Returns whether it was
    recorded now (False: it had been already)."""
    day = timezone.localtime(session.starts_at).date()
    if day > timezone.localdate():
        raise ActionError(
            TrainingError.FUTURE_SESSION,
            _("This session is on %(date)s: attendance is taken from that day.")
            % {"date": date_format(day, "DATE_FORMAT")},
        )
    enrolled = set(
        session.cohort.enrolments.filter(status=EnrolmentStatus.ENROLLED).values_list(
            "trainee_id", flat=True
        )
    )
    if set(marks) - enrolled:
        raise ActionError(
            TrainingError.NOT_ENROLLED, _("Mark only the people enrolled in this cohort.")
        )
    try:
        with transaction.atomic():
            # The cohort's row, as closing takes it: a roster and the closing never cross.
            refuse_if_closed(Cohort.objects.select_for_update().get(pk=session.cohort_id))
            RosterSubmission.objects.create(key=key, session=session)
            for trainee_id, present in marks.items():
                Attendance.objects.update_or_create(
                    session=session,
                    trainee_id=trainee_id,
                    defaults={"present": present, "marked_by": by},
                )
            audit.record(
                "training.attendance_marked",
                actor=by,
                obj=session.cohort,
                data={"session": session.position, "present": sum(marks.values())},
            )
    except IntegrityError:
        if RosterSubmission.objects.filter(key=key).exists():
            return False
        raise
    return True
