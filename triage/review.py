"""People in charge: an officer confirms or corrects a proposal, and what they say is
kept as a label (with who and when) for the next model."""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from complaints import service_levels
from complaints.models import Case, Category, TimelineEntry, Urgency, Visibility
from complaints.routing import route
from core import audit
from triage.models import Label, Proposal, ReviewState


def settle(proposal: Proposal, *, category: Category, urgency: str, by: User) -> Label:
    """Record the officer's word on a case's category and urgency and apply it."""
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        case = Case.objects.select_for_update().select_related("category").get(pk=proposal.case_id)
        corrected = category.code != proposal.category_code or urgency != proposal.urgency
        label = Label.objects.create(
            case=case,
            text=case.description,
            category_code=category.code,
            urgency=urgency,
            corrected=corrected,
            by=by,
        )
        changes = []
        if case.category_id != category.pk:
            changes.append(
                _("Category: %(old)s → %(new)s") % {"old": case.category, "new": category}
            )
            case.category, case.queue_id = category, route(category.pk, case.governorate_id)
        if case.urgency != urgency:
            changes.append(
                _("Urgency: %(old)s → %(new)s")
                % {"old": Urgency(case.urgency).label, "new": Urgency(urgency).label}
            )
            case.urgency = urgency
            service_levels.set_due_dates(case)
        if changes:
            case.save(
                update_fields=[
                    "category", "queue", "urgency", "first_response_due", "resolution_due",
                ]
            )  # fmt: skip
            TimelineEntry.objects.create(
                case=case,
                actor=by,
                visibility=Visibility.STAFF,
                from_status=case.status,
                to_status=case.status,
                body="\n".join(changes),
            )
        proposal.state = ReviewState.CORRECTED if corrected else ReviewState.CONFIRMED
        proposal.save(update_fields=["state"])
        audit.record(
            "triage.proposal_corrected" if corrected else "triage.proposal_confirmed",
            actor=by,
            obj=case,
            data={
                "proposed": [proposal.category_code, proposal.urgency],
                "label": [category.code, urgency],
                "version": proposal.version_id,
            },
        )
    return label
