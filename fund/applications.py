"""Every change to an application: one function each, atomic, in the audit log."""

from decimal import Decimal
from enum import StrEnum

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.models import User
from core import audit
from core.errors import ActionError
from core.money import format_pounds
from core.uploads import CleanFile
from fund import eligibility, notices
from fund.models import (
    Application,
    ApplicationStatus,
    BudgetKind,
    Call,
    CallStatus,
    Document,
    InformationRequest,
    Outcome,
    RequiredDocument,
    Stage,
    Stages,
)
from registry.models import Organization


class FundError(StrEnum):
    SUBMISSION_REFUSED = "submission_refused"
    ALREADY_SUBMITTED = "already_submitted"
    NOT_CHANGEABLE = "not_changeable"
    NOTHING_ASKED = "nothing_asked"
    ANSWER_REQUIRED = "answer_required"


class SubmissionRefused(ActionError):
    """Raised with every reason at once, so the applicant can fix them in one go."""

    def __init__(self, reasons: list[str]):
        super().__init__(FundError.SUBMISSION_REFUSED, " ".join(reasons))
        self.reasons = reasons


def amount_problems(application: Application) -> list[str]:
    """The amount asked against the call's floor and ceiling."""
    call, requested = application.call, application.requested_amount
    if requested is None:
        return [_("Give the amount requested.")]
    if not call.grant_floor <= requested <= call.grant_ceiling:
        return [
            _("This call gives between %(floor)s and %(ceiling)s pounds.")
            % {
                "floor": format_pounds(call.grant_floor),
                "ceiling": format_pounds(call.grant_ceiling),
            }
        ]
    return []


def budget_problems(application: Application) -> list[str]:
    """What is wrong with the budget against the amount asked and the call's rules."""
    call, found = application.call, []
    lines = list(application.budget_lines.all())
    requested = application.requested_amount
    if not lines:
        return [_("Add the budget: at least one line.")]
    total = sum((line.amount for line in lines), Decimal(0))
    if requested is not None and total != requested:
        found.append(
            _(
                "The budget lines add up to %(total)s pounds, but the amount requested is "
                "%(requested)s pounds."
            )
            % {"total": format_pounds(total), "requested": format_pounds(requested)}
        )
    administration = sum(
        (line.amount for line in lines if line.kind == BudgetKind.ADMINISTRATION), Decimal(0)
    )
    share = administration * 100 / total
    if share > call.admin_share_cap:
        found.append(
            _("Administration is %(share)s%% of the budget; this call allows at most %(cap)s%%.")
            % {"share": f"{share:.1f}", "cap": f"{call.admin_share_cap.normalize():f}"}
        )
    return found


def framework_problems(application: Application) -> list[str]:
    outcomes = list(application.outcomes.prefetch_related("indicators"))
    if not outcomes:
        return [_("Add at least one outcome to the results framework.")]
    if any(not outcome.indicators.all() for outcome in outcomes):
        return [_("Give every outcome at least one indicator with a baseline and a target.")]
    return []


def document_problems(application: Application) -> list[str]:
    attached = set(application.documents.values_list("required_id", flat=True))
    missing = [d for d in application.call.required_documents.all() if d.pk not in attached]
    if not missing:
        return []
    return [
        _("Attach the required documents: %(names)s.")
        % {"names": _(", ").join(str(document) for document in missing)}
    ]


class Problem(str):
    """A reason an application cannot be submitted yet, with the step of the application
    that puts it right (None when no step can: the call has closed, say)."""

    step: str | None

    def __new__(cls, message: str, step: str | None = None):
        problem = super().__new__(cls, message)
        problem.step = step
        return problem


def _at(step: str, messages: list[str]) -> list[Problem]:
    return [Problem(message, step) for message in messages]


def submission_problems(application: Application, now) -> list[Problem]:
    call = application.call
    if call.status != CallStatus.PUBLISHED or now < call.opens_at:
        return [_("This call is not open for applications.")]
    if now > call.closes_at:
        return [
            _("The call closed on %(moment)s (Cairo time): applications are no longer taken.")
            % {"moment": date_format(timezone.localtime(call.closes_at), "DATETIME_FORMAT")}
        ]
    found = [
        Problem(problem)
        for problem in eligibility.problems(call, application.organization, timezone.localdate(now))
    ]
    if not application.title.strip() or not application.summary.strip():
        found.append(Problem(_("Give the project a title and a summary."), "project"))
    found += _at("project", amount_problems(application))
    if application.stage == Stage.CONCEPT:  # the budget and the rest come with the proposal
        return found
    return (
        found
        + _at("budget", budget_problems(application))
        + _at("results", framework_problems(application))
        + _at("documents", document_problems(application))
    )


def start(call: Call, organization: Organization, *, by: User) -> Application:
    """The organization's draft for ``call``, made on first use (one per call)."""
    with transaction.atomic():
        stage = Stage.CONCEPT if call.stages == Stages.CONCEPT_FIRST else Stage.FULL
        application, created = Application.objects.get_or_create(
            call=call, organization=organization, defaults={"created_by": by, "stage": stage}
        )
        if created:
            audit.record("fund.application_started", actor=by, obj=application)
    return application


@transaction.atomic
def save_results(application: Application, rows: list[dict]) -> None:
    """Replace the draft's results framework: rows of outcome and indicator, in order;
    rows naming the same outcome are its indicators."""
    application.outcomes.all().delete()
    outcomes: dict[str, Outcome] = {}
    for row in rows:
        outcome = outcomes.get(row["outcome"])
        if outcome is None:
            outcome = application.outcomes.create(text=row["outcome"], position=len(outcomes))
            outcomes[row["outcome"]] = outcome
        outcome.indicators.create(
            name=row["indicator"], unit=row["unit"], baseline=row["baseline"], target=row["target"]
        )


def submit(application: Application, *, by: User, now=None) -> Application:
    """Submit a draft; refused with every reason, or as a repeat, and nothing is lost."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        now = now or timezone.now()
        if application.status != ApplicationStatus.DRAFT:
            raise ActionError(
                FundError.ALREADY_SUBMITTED,
                _("This application was already submitted on %(moment)s.")
                % {
                    "moment": date_format(
                        timezone.localtime(application.submitted_at), "DATETIME_FORMAT"
                    )
                },
            )
        reasons = submission_problems(application, now)
        if reasons:
            raise SubmissionRefused(reasons)
        application.status = ApplicationStatus.SUBMITTED
        application.submitted_at, application.submitted_by = now, by
        application.save(update_fields=["status", "submitted_at", "submitted_by", "updated_at"])
        audit.record(
            "fund.application_submitted",
            actor=by,
            obj=application,
            data={"call": application.call.code, "amount": str(application.requested_amount)},
        )
        notices.submitted(application)
    return application


def attach(
    application: Application, upload: CleanFile, *, by: User, required: RequiredDocument | None
) -> Document:
    """Keep a checked file with the application; a new file for a required document
    replaces the old one, whose bytes are removed once the change is saved."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.status not in (ApplicationStatus.DRAFT, ApplicationStatus.NEEDS_INFORMATION):
            raise ActionError(
                FundError.NOT_CHANGEABLE, _("Files can no longer be added to this application.")
            )
        replaced = application.documents.filter(required=required).first() if required else None
        if replaced is not None:
            replaced.delete()
            transaction.on_commit(lambda: replaced.file.delete(save=False))
        document = Document.keep(upload, application=application, required=required, uploaded_by=by)
        audit.record(
            "fund.document_attached",
            actor=by,
            obj=application,
            data={"document": document.pk, "required": required.pk if required else None},
        )
    return document


def answer(
    application: Application, *, by: User, text: str, upload: CleanFile | None = None
) -> InformationRequest:
    """The applicant's answer to the fund's open question: the application goes back to
    the fund officers for screening, with the file if one was sent."""
    if not text.strip():
        raise ActionError(FundError.ANSWER_REQUIRED, _("Write your answer."), field="answer")
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        question = application.information_requests.filter(answered_at__isnull=True).last()
        if application.status != ApplicationStatus.NEEDS_INFORMATION or question is None:
            raise ActionError(
                FundError.NOTHING_ASKED, _("The fund is not waiting for an answer from you.")
            )
        if upload is not None:
            attach(application, upload, by=by, required=None)
        question.answer, question.answered_by, question.answered_at = (
            text.strip(),
            by,
            timezone.now(),
        )
        question.save(update_fields=["answer", "answered_by", "answered_at"])
        application.status = ApplicationStatus.SUBMITTED
        application.save(update_fields=["status", "updated_at"])
        audit.record("fund.information_given", actor=by, obj=application)
        notices.information_given(application)
    return question
