"""What a citizen is told of their case by text message or e-mail, in their language.

Written to be read on a phone: the case's number (never its secret code), what
happened, the date to expect, and where to follow it. Nothing is sent to someone who
asked not to be contacted or filed without their name.
"""

from collections.abc import Callable

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from complaints.models import Case, ContactChannel, Kind, Status, TimelineEntry
from core.notifications import notify_in

RECEIVED = {
    Kind.COMPLAINT: gettext_lazy("We received your complaint about “%(subject)s”."),
    Kind.REQUEST: gettext_lazy("We received your request about “%(subject)s”."),
    Kind.INQUIRY: gettext_lazy("We received your question about “%(subject)s”."),
    Kind.SUGGESTION: gettext_lazy("We received your suggestion about “%(subject)s”. Thank you."),
    Kind.PRAISE: gettext_lazy("We received your thanks about “%(subject)s”. Thank you."),
}


def _tracking_link() -> str:
    return settings.SITE_URL + reverse("complaints:track")


def _send(case: Case, write: Callable[[], tuple[str, list[str]]]) -> None:
    if case.contact_channel == ContactChannel.NONE:
        return
    notify_in(
        case.preferred_language,
        write,
        email=(case.email or "") if case.contact_channel == ContactChannel.EMAIL else "",
        phone=(case.phone or "") if case.contact_channel == ContactChannel.SMS else "",
    )


def received(case: Case) -> None:
    """The number, at once: the citizen keeps it even if they lose the page."""

    def write():
        due = date_format(timezone.localtime(case.resolution_due), "DATE_FORMAT")
        return _("Sanad: your case number %(number)s") % {"number": case.number_shown}, [
            RECEIVED[case.kind] % {"subject": case.category.name},
            _(
                "Its number is %(number)s. Keep it with the secret code shown when you sent "
                "it: we never send the code in a message."
            )
            % {"number": case.number_shown},
            _("We will reply by %(date)s.") % {"date": due} if case.resolution_due else "",
            _("Follow it at %(url)s") % {"url": _tracking_link()},
        ]

    _send(case, write)


def news(case: Case, entry: TimelineEntry) -> None:
    """A public word from staff on the case: a reply, a question, a new status."""

    def write():
        subject = _("Sanad: news of your case %(number)s") % {"number": case.number_shown}
        return subject, [
            _("Your case is now: %(status)s.") % {"status": Status(case.status).label},
            entry.body,
            _("Follow it at %(url)s with its number and your secret code.")
            % {"url": _tracking_link()},
        ]

    _send(case, write)
