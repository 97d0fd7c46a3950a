"""What a signed-in person has with the ministry, in one place: the cases they filed
(and those filed without an account that they add with the number and code), their
organization's and their own applications, and the certificates they add with their
national ID. Nothing here is shown to anyone else; each addition is audited."""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from care.models import LicenceApplication
from complaints.models import Case
from complaints.tracking import TooManyTries, too_many_tries_message
from core import audit
from core.national_id import national_id_digest
from fund.models import Application, ApplicationStatus
from portal.models import KeptCertificate
from training.models import Certificate


class NotFound(Exception):
    """Nothing matches what was typed (never saying which part was wrong)."""


def cases(user):
    return (
        Case.objects.filter(Q(citizen=user) | Q(submitted_by=user))
        .select_related("category")
        .order_by("-received_at", "-pk")
    )


def licence_applications(user):
    return (
        LicenceApplication.objects.filter(submitted_by=user)
        .select_related("facility")
        .order_by("-submitted_at")
    )


def fund_applications(user):
    """Those of the organizations the person acts for, drafts included."""
    return (
        Application.objects.filter(organization__memberships__user=user)
        .exclude(status=ApplicationStatus.DRAFT, title="")
        .select_related("call", "organization")
        .order_by("-pk")
        .distinct()
    )


def certificates(user):
    return (
        KeptCertificate.objects.filter(user=user)
        .select_related("certificate__enrolment__cohort__course")
        .order_by("-certificate__issued_on")
    )


@transaction.atomic
def add_case(user, number: str, token: str, *, ip=None) -> Case:
    """A case filed without an account joins the person's space, if the number and code
    match and no one else has it."""
    try:
        case = Case.objects.select_for_update().with_code(number, token)
    except TooManyTries:
        raise NotFound(too_many_tries_message()) from None
    if case is None:
        raise NotFound(_("No case matches this number and code."))
    if case.citizen_id == user.pk or case.submitted_by_id == user.pk:
        return case
    if case.citizen_id is not None:
        raise NotFound(_("No case matches this number and code."))
    case.citizen = user
    case.save(update_fields=["citizen"])
    audit.record("portal.case_added", actor=user, obj=case, ip=ip)
    return case


def add_certificate(user, code: str, national_id: str, *, ip=None) -> Certificate:
    """A certificate joins the space if it was issued to this national ID."""
    certificate = (
        Certificate.objects.select_related("enrolment__trainee")
        .filter(code=code.strip().upper())
        .first()
    )
    trainee = certificate.enrolment.trainee if certificate else None
    if trainee is None or trainee.national_id_digest != national_id_digest(national_id):
        raise NotFound(_("No certificate matches this code and national ID."))
    _kept, created = KeptCertificate.objects.get_or_create(user=user, certificate=certificate)
    if created:
        audit.record("portal.certificate_added", actor=user, obj=certificate, ip=ip)
    return certificate
