"""What the fund tells applicants, reviewers and officers at each step, each in their
own language, through the platform's one notification interface.

Each function is called inside the transaction of the change it reports, so a notice
leaves only if the change is saved.
"""

from collections.abc import Callable, Iterable

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import Role, User
from core.money import format_pounds
from core.notifications import notify_in
from fund.models import Application, ApplicationStatus, Assignment, Report, ReportStatus, Tranche


def _tell(people: Iterable[User], write: Callable[[], tuple[str, list[str]]], path: str) -> None:
    """Send what ``write`` says to each person with an e-mail, written in their language."""
    for person in people:
        if not person.email:
            continue

        def written():
            subject, lines = write()
            return subject, [*lines, _("Open it in Sanad: %(url)s") % {"url": _link(path)}]

        notify_in(person.preferred_language, written, email=person.email)


def _link(path: str) -> str:
    return settings.SITE_URL + path


def _members(application: Application):
    return User.objects.filter(
        memberships__organization_id=application.organization_id, is_active=True
    )


def _officers():
    return User.objects.filter(role=Role.FUND_OFFICER, is_active=True)


def _applicant_page(application: Application) -> str:
    return reverse("fund:application", args=[application.pk])


def _officer_page(application: Application) -> str:
    return reverse("fund:staff_application", args=[application.pk])


def submitted(application: Application) -> None:
    _tell(
        _members(application),
        lambda: (
            _("Sanad fund: your application to %(call)s was received")
            % {"call": application.call.title},
            [_("The fund will screen it and write to you at each step.")],
        ),
        _applicant_page(application),
    )
    _tell(
        _officers(),
        lambda: (
            _("Sanad fund: a new application to screen"),
            [f"{application.organization} · {application.call.title}"],
        ),
        _officer_page(application),
    )


def screened(application: Application) -> None:
    if application.status == ApplicationStatus.DRAFT:  # a concept note accepted
        _tell(
            _members(application),
            lambda: (
                _("Sanad fund: your concept note was accepted"),
                [
                    _("Write the full proposal by %(date)s (Cairo time).")
                    % {
                        "date": date_format(
                            timezone.localtime(application.call.closes_at), "DATETIME_FORMAT"
                        )
                    },
                    application.screening_note,
                ],
            ),
            reverse("fund:step", args=[application.pk, "budget"]),
        )
        return

    def write():
        lines = [_("Status: %(status)s") % {"status": application.get_status_display()}]
        if application.screening_note:
            lines.append(application.screening_note)
        return _("Sanad fund: news of your application"), lines

    _tell(_members(application), write, _applicant_page(application))


def information_given(application: Application) -> None:
    _tell(
        _officers(),
        lambda: (
            _("Sanad fund: an applicant answered your question"),
            [f"{application.organization} · {application.call.title}"],
        ),
        _officer_page(application),
    )


def assigned(assignment: Assignment) -> None:
    call = assignment.application.call
    _tell(
        [assignment.reviewer],
        lambda: (
            _("Sanad fund: an application awaits your review"),
            [
                _("Call: %(call)s") % {"call": call.title},
                _("Declare any conflict of interest before you open it."),
            ],
        ),
        reverse("fund:review", args=[assignment.pk]),
    )


def decided(application: Application) -> None:
    def write():
        lines = [_("Status: %(status)s") % {"status": application.get_status_display()}]
        grant = getattr(application, "grant", None)
        if grant is not None:
            lines.append(
                _("Awarded: %(awarded)s pounds (asked: %(asked)s pounds).")
                % {
                    "awarded": format_pounds(grant.amount_awarded),
                    "asked": format_pounds(application.requested_amount),
                }
            )
        lines.append(application.decision_reason)
        return _("Sanad fund: the committee's decision"), lines

    _tell(_members(application), write, _applicant_page(application))


def report_submitted(report: Report) -> None:
    application = report.grant.application
    _tell(
        _officers(),
        lambda: (
            _("Sanad fund: a report to review"),
            [f"{report.get_kind_display()} · {application.organization}"],
        ),
        reverse("fund:staff_report", args=[report.pk]),
    )


def report_reviewed(report: Report) -> None:
    application = report.grant.application

    def write():
        lines = [f"{report.get_kind_display()}: {report.get_status_display()}"]
        if report.comments:
            lines.append(report.comments)
        if report.status == ReportStatus.RETURNED:
            lines.append(
                _("Send it again, corrected, by %(date)s.") % {"date": date_format(report.due_on)}
            )
        return _("Sanad fund: your report was reviewed"), lines

    _tell(_members(application), write, reverse("fund:report", args=[report.pk]))


def tranche_paid(tranche: Tranche) -> None:
    application = tranche.grant.application
    _tell(
        _members(application),
        lambda: (
            _("Sanad fund: a payment was made"),
            [
                _("Tranche %(number)d: %(amount)s pounds, reference %(reference)s.")
                % {
                    "number": tranche.position,
                    "amount": format_pounds(tranche.amount),
                    "reference": tranche.payment_reference,
                }
            ],
        ),
        _applicant_page(application),
    )
