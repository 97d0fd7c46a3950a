"""One small interface for telling people things, by e-mail or text message.

E-mail goes through Django's mail backends. Text messages go through the class
named by SMS_BACKEND: the console in development, a gateway's adapter in
production. A message is a background task queued in the same transaction as the
change that caused it, so it leaves only if the change is saved, and it is retried
with back-off while the mail server or the SMS gateway is down.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django_tasks import task

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 8
BACKOFF_BASE_SECONDS = 60


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
    """Tests: messages are kept in ``outbox``, like Django's locmem mail backend; set
    ``down`` to play a gateway that refuses them."""

    outbox: list[tuple[str, str]] = []
    down = False

    def send(self, phone: str, text: str) -> None:
        if self.down:
            raise ConnectionError("the SMS gateway is not answering")
        self.outbox.append((phone, text))


def _deliver(notice: Notice) -> None:
    if notice.email:
        send_mail(notice.subject, notice.body, None, [notice.email])
    if notice.phone:
        import_string(settings.SMS_BACKEND)().send(notice.phone, f"{notice.subject}\n{notice.body}")


@task()
def send_notice(
    subject: str, body: str, email: str = "", phone: str = "", attempt: int = 1
) -> dict:
    notice = Notice(subject, body, email, phone)
    try:
        _deliver(notice)
    except (OSError, ConnectionError) as error:
        if attempt >= MAX_ATTEMPTS:
            logger.error("Giving up on a notice after %d attempts: %s", attempt, error)
            raise
        wait = timedelta(seconds=BACKOFF_BASE_SECONDS * 2 ** (attempt - 1))
        send_notice.using(run_after=timezone.now() + wait).enqueue(
            subject, body, email, phone, attempt + 1
        )
        return {"sent": False, "retry_in_seconds": int(wait.total_seconds())}
    return {"sent": True}


def notify(notice: Notice) -> None:
    """Queue ``notice``; it is sent once the current transaction commits."""
    if notice.email or notice.phone:
        send_notice.enqueue(notice.subject, notice.body, notice.email, notice.phone)


def notify_in(
    language: str, write: Callable[[], tuple[str, list[str]]], *, email="", phone=""
) -> None:
    """Queue what ``write()`` says (a subject and paragraphs, empty ones left out), written
    in ``language``: the reader's, not the language of whoever caused the notice."""
    with translation.override(language):
        subject, lines = write()
        body = "\n\n".join(filter(None, lines))
    notify(Notice(subject=subject, body=body, email=email, phone=phone))
