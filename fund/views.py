"""The fund's pages for applicants: open calls, and an application written in steps."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.errors import ActionError
from fund import applications, eligibility
from fund.applications import SubmissionRefused
from fund.forms import BudgetFormSet, ProjectForm, ResultsFormSet
from fund.giving360 import csv_chunks, package_chunks
from fund.models import Application, ApplicationStatus, Call, CallStatus
from registry.models import Organization

STEPS = {
    "project": gettext_lazy("The project"),
    "budget": gettext_lazy("Budget"),
    "results": gettext_lazy("Results"),
    "submit": gettext_lazy("Check and submit"),
}


def grants_360giving(request):
    """The public download of every award in the 360Giving standard, streamed."""
    response = StreamingHttpResponse(package_chunks(), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="sanad-fund-grants-360giving.json"'
    return response


def grants_360giving_csv(request):
    """The same awards as a 360Giving spreadsheet (CSV), streamed."""
    response = StreamingHttpResponse(csv_chunks(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="sanad-fund-grants-360giving.csv"'
    return response


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
    if step not in STEPS:
        raise Http404
    if application.status != ApplicationStatus.DRAFT:
        return render(request, "fund/application_sent.html", {"application": application})
    handler = {"project": _project, "budget": _budget, "results": _results, "submit": _submit}
    response, context = handler[step](request, application)
    if response is not None:
        return response
    keys = list(STEPS)
    following = keys[keys.index(step) + 1] if step != keys[-1] else None
    return render(
        request,
        "fund/application.html",
        {
            "application": application,
            "steps": STEPS.items(),
            "step": step,
            "next_step": following,
            **context,
        },
    )


def _saved_and_on(request, application, step):
    messages.success(request, _("Saved as a draft."))
    keys = list(STEPS)
    return redirect("fund:step", pk=application.pk, step=keys[keys.index(step) + 1])


def _project(request, application):
    form = ProjectForm(request.POST or None, instance=application)
    if request.method == "POST" and form.is_valid():
        form.save()
        return _saved_and_on(request, application, "project"), {}
    return None, {"form": form}


def _budget(request, application):
    formset = BudgetFormSet(request.POST or None, instance=application, prefix="lines")
    if request.method == "POST" and formset.is_valid():
        formset.save()
        return _saved_and_on(request, application, "budget"), {}
    return None, {"formset": formset}


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
    formset = ResultsFormSet(request.POST or None, initial=initial, prefix="rows")
    if request.method == "POST" and formset.is_valid():
        rows = [
            form.cleaned_data
            for form in formset
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        applications.save_results(application, rows)
        return _saved_and_on(request, application, "results"), {}
    return None, {"formset": formset}


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
            return redirect("fund:step", pk=application.pk, step="submit"), {}
        else:
            messages.success(request, _("Your application was submitted."))
            return redirect("fund:step", pk=application.pk, step="submit"), {}
    lines = list(application.budget_lines.all())
    return None, {"reasons": reasons, "lines": lines, "total": sum(line.amount for line in lines)}
