"""The fund's pages for applicants: open calls, and an application written in steps."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.models import Role
from core import uploads
from core.errors import ActionError, refuse
from core.formsets import edited_rows, is_removed
from core.money import parse_amount
from fund import applications, eligibility, money_flow, totals
from fund.applications import SubmissionRefused
from fund.forms import (
    AnswerForm,
    DocumentsForm,
    ProjectForm,
    ReportForm,
    budget_formset,
    results_formset,
)
from fund.giving360 import csv_chunks, package_chunks
from fund.models import (
    Application,
    ApplicationStatus,
    Call,
    CallStatus,
    Document,
    Grant,
    Report,
    Stage,
)
from registry.models import Organization

STEPS = {
    "project": gettext_lazy("The project"),
    "budget": gettext_lazy("Budget"),
    "results": gettext_lazy("Results"),
    "documents": gettext_lazy("Documents"),
    "submit": gettext_lazy("Check and submit"),
}
# A concept note is the project in brief: the budget, results and documents come with the
# full proposal.
CONCEPT_STEPS = ("project", "submit")


def _steps(application: Application) -> dict:
    if application.stage == Stage.CONCEPT:
        return {key: label for key, label in STEPS.items() if key in CONCEPT_STEPS}
    return STEPS


def grants_360giving(request):
    """The public download of every award in the 360Giving standard, streamed. The
    standard's package holds at least one grant: before the first award there is none."""
    if not Grant.objects.exists():
        return JsonResponse(
            {"error": _("No grant has been awarded yet: there is nothing to publish.")},
            status=404,
        )
    response = StreamingHttpResponse(package_chunks(), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="sanad-fund-grants-360giving.json"'
    return response


def grants_360giving_csv(request):
    """The same awards as a 360Giving spreadsheet (CSV), streamed."""
    response = StreamingHttpResponse(csv_chunks(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="sanad-fund-grants-360giving.csv"'
    return response


def awards(request):
    """The fund in the open: its calls, what each awarded, and totals by place and field."""
    grants = Grant.objects.select_related(
        "application__organization__governorate", "application__call"
    ).order_by("-awarded_on", "-pk")
    return render(
        request,
        "fund/awards.html",
        {
            "overall": totals.overall(),
            "by_governorate": totals.by_governorate(),
            "by_field": totals.by_field(),
            "by_call": totals.by_call(),
            "calls": Call.objects.exclude(status=CallStatus.DRAFT).order_by("-opens_at"),
            "page": Paginator(grants, 25).get_page(request.GET.get("page")),
        },
    )


def calls(request):
    published = Call.objects.filter(status=CallStatus.PUBLISHED).order_by("closes_at")
    return render(request, "fund/calls.html", {"calls": published, "now": timezone.now()})


def call_detail(request, code):
    call = get_object_or_404(Call, code=code, status__in=[CallStatus.PUBLISHED, CallStatus.CLOSED])
    organizations = []
    if request.user.is_authenticated:
        today = timezone.localdate()
        for organization in Organization.objects.filter(memberships__user=request.user):
            draft = Application.objects.filter(call=call, organization=organization).first()
            organizations.append(
                {
                    "organization": organization,
                    "problems": eligibility.problems(call, organization, today),
                    "application": draft,
                }
            )
    return render(
        request,
        "fund/call.html",
        {"call": call, "organizations": organizations, "is_open": _is_open(call)},
    )


def _is_open(call: Call) -> bool:
    now = timezone.now()
    return call.status == CallStatus.PUBLISHED and call.opens_at <= now <= call.closes_at


@login_required
@require_POST
def start_application(request, code):
    call = get_object_or_404(Call, code=code, status=CallStatus.PUBLISHED)
    organization = get_object_or_404(
        Organization, pk=request.POST.get("organization"), memberships__user=request.user
    )
    application = applications.start(call, organization, by=request.user)
    return redirect("fund:step", pk=application.pk, step="project")


@login_required
def application_step(request, pk, step):
    application = get_object_or_404(
        Application.objects.for_user(request.user).select_related("call", "organization"), pk=pk
    )
    steps = _steps(application)
    if step not in STEPS:
        raise Http404
    if application.status != ApplicationStatus.DRAFT:
        return redirect("fund:application", pk=application.pk)
    if step not in steps:
        return redirect("fund:step", pk=application.pk, step="project")
    handler = {
        "project": _project,
        "budget": _budget,
        "results": _results,
        "documents": _documents,
        "submit": _submit,
    }
    response, context = handler[step](request, application)
    if response is not None:
        return response
    keys = list(steps)
    following = keys[keys.index(step) + 1] if step != keys[-1] else None
    return render(
        request,
        "fund/application.html",
        {
            "application": application,
            "steps": steps.items(),
            "step": step,
            "next_step": following,
            **context,
        },
    )


def _saved_and_on(request, application, step):
    messages.success(
        request, _("“%(step)s” is saved in your draft.") % {"step": _steps(application)[step]}
    )
    keys = list(_steps(application))
    return redirect("fund:step", pk=application.pk, step=keys[keys.index(step) + 1])


def _project(request, application):
    form = ProjectForm(request.POST or None, instance=application)
    if request.method == "POST" and form.is_valid():
        form.save()
        return _saved_and_on(request, application, "project"), {}
    return None, {"form": form}


def _budget(request, application):
    formset_class = budget_formset(blank_rows=0 if application.budget_lines.exists() else 1)
    data = request.POST if request.method == "POST" else None
    formset = edited_rows(data, formset_class, prefix="lines", instance=application)
    if formset is None:
        formset = formset_class(data, instance=application, prefix="lines")
        if data is not None and formset.is_valid():
            formset.save()
            return _saved_and_on(request, application, "budget"), {}
    total = _typed_total(formset)
    requested = application.requested_amount
    left = requested - total if requested is not None else None
    return None, {"formset": formset, "total": total, **_against_asked(left)}


def _against_asked(left: Decimal | None) -> dict:
    """How the lines stand against the amount asked: which sentence says it, and its numbers."""
    if left is None:
        return {"standing": "none", "left": None, "over": None}
    standing = "equal" if left == 0 else "under" if left > 0 else "over"
    return {"standing": standing, "left": max(left, Decimal(0)), "over": max(-left, Decimal(0))}


def _typed_total(formset) -> Decimal:
    """What the lines shown add up to, as typed so far (a line not yet a number counts 0)."""
    total = Decimal(0)
    for form in formset.forms:
        raw = form["amount"].value()
        if is_removed(form) or raw in (None, ""):
            continue
        try:
            total += parse_amount(raw, allow_zero=True)
        except ValidationError:
            continue
    return total


def _results(request, application):
    initial = [
        {
            "outcome": outcome.text,
            "indicator": indicator.name,
            "unit": indicator.unit,
            "baseline": indicator.baseline,
            "target": indicator.target,
        }
        for outcome in application.outcomes.prefetch_related("indicators")
        for indicator in outcome.indicators.all()
    ]
    formset_class = results_formset(blank_rows=0 if initial else 1)
    data = request.POST if request.method == "POST" else None
    formset = edited_rows(data, formset_class, prefix="rows", initial=initial)
    if formset is None:
        formset = formset_class(data, initial=initial, prefix="rows")
        if data is not None and formset.is_valid():
            rows = [
                form.cleaned_data
                for form in formset
                if form.cleaned_data and not form.cleaned_data.get("DELETE")
            ]
            applications.save_results(application, rows)
            return _saved_and_on(request, application, "results"), {}
    return None, {"formset": formset}


def _documents(request, application):
    form = DocumentsForm(
        request.POST or None,
        request.FILES or None,
        required_documents=application.call.required_documents.all(),
    )
    if request.method == "POST":
        valid = form.is_valid()
        try:
            # Each sound file is kept, even when another one was refused.
            for required, upload in form.uploads():
                applications.attach(application, upload, by=request.user, required=required)
        except ActionError as error:
            refuse(form, error)
        else:
            if valid:
                return _saved_and_on(request, application, "documents"), {}
    attached = {d.required_id: d for d in application.documents.all()}
    rows = [(field, attached.get(form.required_documents[field.name].pk)) for field in form]
    return None, {"form": form, "rows": rows}


def _submit(request, application):
    reasons = applications.submission_problems(application, timezone.now())
    if request.method == "POST":
        try:
            with transaction.atomic():
                applications.submit(application, by=request.user)
        except SubmissionRefused as refused:
            reasons = refused.reasons
        except ActionError as error:  # already submitted: a double click
            messages.info(request, error.message)
            return redirect("fund:application", pk=application.pk), {}
        else:
            messages.success(request, _("Your application was submitted."))
            return redirect("fund:application", pk=application.pk), {}
    lines = list(application.budget_lines.all())
    attached = {d.required_id: d for d in application.documents.all()}
    return None, {
        "reasons": reasons,
        "lines": lines,
        "total": sum((line.amount for line in lines), Decimal(0)),
        "outcomes": application.outcomes.prefetch_related("indicators"),
        "documents": [
            (required, attached.get(required.pk))
            for required in application.call.required_documents.all()
        ],
    }


@login_required
def my_applications(request):
    """The applications of the organizations the person acts for, drafts included."""
    mine = (
        Application.objects.filter(organization__memberships__user=request.user)
        .select_related("call", "organization")
        .order_by("-updated_at")
    )
    page = Paginator(mine, 25).get_page(request.GET.get("page"))
    return render(request, "fund/my_applications.html", {"page": page})


@login_required
def application_page(request, pk):
    """The applicant's view once submitted: status, the fund's questions and the answer
    form, the decision, and for a grant its payments and the reports owed."""
    application = get_object_or_404(
        Application.objects.for_user(request.user)
        .filter(organization__memberships__user=request.user)
        .select_related("call", "organization"),
        pk=pk,
    )
    if application.status == ApplicationStatus.DRAFT:
        return redirect("fund:step", pk=application.pk, step="project")
    form = AnswerForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            applications.answer(
                application,
                by=request.user,
                text=form.cleaned_data["answer"],
                upload=form.cleaned_data["file"],
            )
        except ActionError as error:
            refuse(form, error)
        else:
            messages.success(request, _("Your answer was sent to the fund."))
            return redirect("fund:application", pk=application.pk)
    grant = getattr(application, "grant", None)
    return render(
        request,
        "fund/application_page.html",
        {
            "application": application,
            "questions": application.information_requests.all(),
            "form": form if application.status == ApplicationStatus.NEEDS_INFORMATION else None,
            "documents": application.documents.select_related("required"),
            "grant": grant,
            "tranches": grant.tranches.select_related("report") if grant else [],
            "reports": grant.reports.all() if grant else [],
            "today": timezone.localdate(),
        },
    )


@login_required
def report_page(request, pk):
    """An organization writes a report on its grant, or reads one already sent."""
    report = get_object_or_404(
        Report.objects.select_related(
            "grant__application__call", "grant__application__organization"
        ),
        pk=pk,
        grant__application__organization__memberships__user=request.user,
    )
    form = ReportForm(request.POST or None, report=report)
    if request.method == "POST" and form.is_valid():
        try:
            money_flow.submit_report(
                report,
                by=request.user,
                narrative=form.cleaned_data["narrative"],
                spent=form.spent(),
                values=form.values(),
            )
        except ActionError as error:
            refuse(form, error)
        else:
            messages.success(request, _("Your report was sent to the fund."))
            return redirect("fund:application", pk=report.grant.application_id)
    return render(
        request,
        "fund/report.html",
        {"report": report, "form": form, "editable": report.is_editable},
    )


@login_required
def document(request, pk):
    """Files are served only through here, to whoever may see the application, and logged.
    Reviewers of a blind call get none: a letterhead names the applicant."""
    visible = Application.objects.for_user(request.user)
    if request.user.role == Role.REVIEWER:
        visible = visible.filter(call__blind=False)
    file = get_object_or_404(Document.objects.filter(application__in=visible), pk=pk)
    return uploads.serve(request, file, action="fund.document_opened", obj=file.application)
