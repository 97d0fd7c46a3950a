"""One small interface for telling people things, by e-mail or text message.

E-mail goes through Django's mail backends. Text messages go through the class
named by SMS_BACKEND: the console in development, a gateway's adapter in
production. Messages leave only when the transaction that caused them commits.
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Notice:
    subject: str
    body: str
    email: str = ""
    phone: str = ""


class ConsoleSMSBackend:
    """Development: the message is written to the log instead of a phone."""

    def send(self, phone: str, text: str) -> None:
        logger.info("SMS to %s: %s", phone, text)


class MemorySMSBackend:
    """Tests: messages are kept in ``outbox``, like Django's locmem mail backend."""

    outbox: list[tuple[str, str]] = []

    def send(self, phone: str, text: str) -> None:
        self.outbox.append((phone, text))


def _deliver(notice: Notice) -> None:
    if notice.email:
        send_mail(notice.subject, notice.body, None, [notice.email])
    if notice.phone:
        import_string(settings.SMS_BACKEND)().send(notice.phone, f"{notice.subject}\n{notice.body}")


def notify(notice: Notice) -> None:
    """Send ``notice`` once the current transaction commits (at once outside one)."""
    if notice.email or notice.phone:
        transaction.on_commit(lambda: _deliver(notice))
