"""What the operator of a facility is told at each step, in their language."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from care.models import Facility, LicenceApplication
from core.notifications import notify_in


def _operator(facility: Facility):
    """Who applied for the facility last: the person the licensing answers."""
    application = facility.applications.select_related("submitted_by").first()
    return application.submitted_by if application else None


def tell(facility: Facility, write) -> None:
    """Send what ``write()`` returns (subject, lines) to the facility's operator."""
    person = _operator(facility)
    if person is None or not (person.email or person.phone):
        return

    def written():
        subject, lines = write()
        link = settings.SITE_URL + reverse("care:mine")
        return subject, [*lines, _("Follow it in Sanad: %(url)s") % {"url": link}]

    notify_in(person.preferred_language, written, email=person.email, phone=person.phone)


def step(application: LicenceApplication) -> None:
    def write():
        lines = [_("Step: %(stage)s") % {"stage": application.get_stage_display()}]
        if application.missing:
            lines.append(application.missing)
        if application.decision:
            lines.append(application.get_decision_display())
            lines.append(application.reasons)
        return _("Sanad: your licence application for %(name)s") % {
            "name": application.facility
        }, lines

    tell(application.facility, write)


def licence_changed(facility: Facility, state_label: str, reason: str) -> None:
    tell(
        facility,
        lambda: (
            _("Sanad: the licence of %(name)s") % {"name": facility},
            [state_label, reason],
        ),
    )


def renewal_due(facility: Facility, valid_until) -> None:
    tell(
        facility,
        lambda: (
            _("Sanad: renew the licence of %(name)s") % {"name": facility},
            [
                _("The licence ends on %(date)s. Apply for its renewal now to keep operating.")
                % {"date": valid_until.isoformat()}
            ],
        ),
    )
