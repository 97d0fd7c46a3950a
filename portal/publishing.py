"""The way a piece goes from its writer to the public: sent for review, approved by a
second person who may publish, and shown from its publication time. Every step is audited.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import audit
from portal.models import Publishable, State


class PublishingError(Exception):
    """A step that cannot be taken, with the reason to show the editor."""


def can_publish(user, piece: Publishable) -> bool:
    return user.has_perm(f"portal.publish_{piece._meta.model_name}")


def _locked(piece: Publishable) -> Publishable:
    """The row as it is now, held until the step is saved: a double click, or two
    reviewers at once, see the first step done and are told so."""
    return type(piece).objects.select_for_update().get(pk=piece.pk)


@transaction.atomic
def submit(piece: Publishable, *, by, ip=None) -> None:
    """The writer asks for a second reading."""
    piece = _locked(piece)
    if piece.state != State.DRAFT:
        raise PublishingError(_("Only a draft can be sent for review."))
    _move(piece, State.IN_REVIEW, by, ip, submitted_by=by)


@transaction.atomic
def approve(piece: Publishable, *, by, ip=None) -> None:
    """A reviewer approves: the piece is public from its publication time."""
    piece = _locked(piece)
    if piece.state != State.IN_REVIEW:
        raise PublishingError(_("Only a piece waiting for review can be approved."))
    if not can_publish(by, piece):
        raise PublishingError(_("Only a reviewer may approve and publish."))
    if piece.submitted_by_id == by.pk:
        raise PublishingError(
            _("Someone other than the person who sent it for review must approve it.")
        )
    _move(piece, State.APPROVED, by, ip, approved_by=by, approved_at=timezone.now())


@transaction.atomic
def withdraw(piece: Publishable, *, by, ip=None) -> None:
    """Back to a draft: out of the review queue, or off the site at once."""
    piece = _locked(piece)
    if piece.state == State.DRAFT:
        raise PublishingError(_("This piece is already a draft."))
    if piece.state == State.APPROVED and not can_publish(by, piece):
        raise PublishingError(_("Only a reviewer may take a published piece down."))
    _move(piece, State.DRAFT, by, ip, approved_by=None, approved_at=None)


def _move(piece: Publishable, state: str, by, ip, **fields) -> None:
    before = piece.state
    piece.state = state
    for name, value in fields.items():
        setattr(piece, name, value)
    piece.save(update_fields=["state", "updated_at", *fields])
    audit.record(
        f"portal.{state}",
        actor=by,
        obj=piece,
        ip=ip,
        data={"from": before, "publish_at": piece.publish_at.isoformat()},
    )
