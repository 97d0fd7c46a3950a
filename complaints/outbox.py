"""Updates owed to the national platform: queued with the change, delivered by a worker.

Nothing is lost while the platform is down (the rows wait), nothing is sent twice
(each update carries its message id and the platform drops repeats), and each
case's updates arrive in order (a later one waits while an earlier one is pending).
"""

import random
from datetime import datetime, timedelta

import httpx
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from complaints import national_platform
from complaints.models import Case, Delivery, PlatformOutbox, TimelineEntry

BACKOFF_BASE_SECONDS = 30
BACKOFF_CAP_SECONDS = 3600
TIMEOUT_SECONDS = 10


def queue_update(case: Case, entry: TimelineEntry) -> None:
    """Owe the platform this change of a case that came from it (call inside the action)."""
    if not case.external_reference:
        return
    public = entry.visibility == "public"
    PlatformOutbox.objects.create(
        case=case,
        payload={
            "reference": case.external_reference,
            "tracking_number": case.tracking_number,
            "status": case.status,
            "at": entry.at.isoformat(),
            "reply": entry.body if entry.is_reply else "",
            "note": entry.body if public and not entry.is_reply else "",
        },
    )


def backoff(attempts: int) -> timedelta:
    """Exponential, capped at an hour, with jitter so many waiting rows do not stampede."""
    seconds = min(BACKOFF_BASE_SECONDS * 2 ** max(attempts - 1, 0), BACKOFF_CAP_SECONDS)
    return timedelta(seconds=seconds * random.uniform(0.8, 1.2))  # noqa: S311 (jitter)


def _due_heads(now: datetime):
    earlier_pending = PlatformOutbox.objects.filter(
        case=OuterRef("case"), state=Delivery.PENDING, pk__lt=OuterRef("pk")
    )
    return (
        PlatformOutbox.objects.filter(state=Delivery.PENDING, next_attempt_at__lte=now)
        .exclude(Exists(earlier_pending))
        .order_by("pk")
    )


def _send(client: httpx.Client, message: PlatformOutbox) -> None:
    body = national_platform.encode(message.payload)
    headers = {
        **national_platform.signed_headers(settings.NATIONAL_PLATFORM_SECRET, body),
        national_platform.MESSAGE_ID_HEADER: str(message.message_id),
        "Content-Type": "application/json",
    }
    response = client.post(
        f"{settings.NATIONAL_PLATFORM_URL}/updates", content=body, headers=headers
    )
    response.raise_for_status()


def deliver_due(now: datetime | None = None, limit: int = 200) -> tuple[int, int]:
    """Send what is due, each case's oldest first. Returns (delivered, failed)."""
    delivered = failed = 0
    with httpx.Client(timeout=TIMEOUT_SECONDS) as client:
        while delivered + failed < limit:
            current = now or timezone.now()
            head = _due_heads(current).values_list("pk", flat=True).first()
            if head is None:
                break
            with transaction.atomic():
                message = (
                    PlatformOutbox.objects.select_for_update(skip_locked=True)
                    .filter(pk=head, state=Delivery.PENDING)
                    .first()
                )
                if message is None:
                    continue  # another worker has it
                try:
                    _send(client, message)
                except httpx.HTTPError as error:
                    message.attempts += 1
                    message.next_attempt_at = current + backoff(message.attempts)
                    message.last_error = str(error)[:500]
                    message.save(update_fields=["attempts", "next_attempt_at", "last_error"])
                    failed += 1
                    if now is not None:
                        break  # a fixed clock would retry the same row at once
                else:
                    message.state = Delivery.DELIVERED
                    message.delivered_at = timezone.now()
                    message.attempts += 1
                    message.save(update_fields=["state", "delivered_at", "attempts"])
                    delivered += 1
    return delivered, failed
