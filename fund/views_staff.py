"""The fund's pages for its officers, reviewers and committee."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.models import Role
from core.errors import ActionError
from core.pagination import CappedPaginator
from fund import decisions, review
from fund.forms_staff import (
    LISTED_STATUSES,
    AssignForm,
    DecisionForm,
    DeclarationForm,
    ScoreForm,
    ScreeningForm,
)
from fund.models import Application, ApplicationStatus, Assignment, Call

OFFICERS = (Role.FUND_OFFICER, Role.AUDITOR)


def _only(user, roles) -> None:
    if user.role not in roles:
        raise PermissionDenied


@login_required
def application_list(request):
    _only(request.user, OFFICERS)
    applications = (
        Application.objects.for_user(request.user)
        .select_related("call", "organization")
        .order_by("-submitted_at", "-pk")
    )
    call, status = request.GET.get("call"), request.GET.get("status")
    if call:
        applications = applications.filter(call__code=call)
    if status in ApplicationStatus.values:
        applications = applications.filter(status=status)
    page = CappedPaginator(applications, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "fund/staff/applications.html",
        {
            "page": page,
            "calls": Call.objects.all(),
            "statuses": LISTED_STATUSES,
            "chosen": {"call": call or "", "status": status or ""},
        },
    )


@login_required
def application_detail(request, pk):
    _only(request.user, OFFICERS)
    application = get_object_or_404(
        Application.objects.for_user(request.user).select_related("call", "organization"), pk=pk
    )
    forms = {
        "screen": ScreeningForm(request.POST if request.POST.get("action") == "screen" else None),
        "assign": AssignForm(request.POST if request.POST.get("action") == "assign" else None),
        "decide": DecisionForm(request.POST if request.POST.get("action") == "decide" else None),
    }
    if request.method == "POST":
        _only(request.user, (Role.FUND_OFFICER,))
        form = forms.get(request.POST.get("action"))
        if form is not None and form.is_valid():
            try:
                _act(request, application, request.POST["action"], form.cleaned_data)
            except ActionError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("Done."))
                return redirect("fund:staff_application", pk=application.pk)
    return render(
        request,
        "fund/staff/application.html",
        {
            "application": application,
            "forms": forms,
            "standing": review.standing(application),
            "assignments": application.assignments.select_related("reviewer"),
            "lines": application.budget_lines.all(),
            "outcomes": application.outcomes.prefetch_related("indicators"),
            "can_act": request.user.role == Role.FUND_OFFICER,
        },
    )


def _act(request, application, action, data) -> None:
    if action == "screen":
        review.screen(application, data["outcome"], by=request.user, note=data["note"])
    elif action == "assign":
        review.assign_reviewers(application, data["count"], by=request.user)
    elif action == "decide":
        decisions.decide(
            application,
            data["decision"],
            by=request.user,
            reason=data["reason"],
            amount=data.get("amount"),
            starts_on=data.get("starts_on"),
            ends_on=data.get("ends_on"),
        )


@login_required
def ranking(request, code):
    _only(request.user, OFFICERS)
    call = get_object_or_404(Call, code=code)
    page = Paginator(review.ranked(call), 50).get_page(request.GET.get("page"))
    page.object_list = review.with_applications(page.object_list)
    return render(request, "fund/staff/ranking.html", {"call": call, "page": page})


@login_required
def my_reviews(request):
    _only(request.user, (Role.REVIEWER,))
    assignments = (
        Assignment.objects.filter(reviewer=request.user, conflict_declared_at__isnull=True)
        .select_related("application__call")
        .order_by("completed_at", "assigned_at")
    )
    return render(request, "fund/staff/my_reviews.html", {"assignments": assignments})


@login_required
def review_page(request, pk):
    _only(request.user, (Role.REVIEWER,))
    assignment = get_object_or_404(
        Assignment.objects.select_related("application__call", "application__organization"),
        pk=pk,
        reviewer=request.user,
        conflict_declared_at__isnull=True,
    )
    application = assignment.application
    if not assignment.is_open_to_reviewer:
        return _declaration(request, assignment)
    criteria = list(application.call.criteria.all())
    entered = {s.criterion_id: s for s in assignment.scores.all()}
    forms = [
        ScoreForm(
            request.POST or None,
            prefix=f"c{criterion.pk}",
            initial={
                "value": getattr(entered.get(criterion.pk), "value", None),
                "comment": getattr(entered.get(criterion.pk), "comment", ""),
            },
            criterion=criterion,
        )
        for criterion in criteria
    ]
    if request.method == "POST" and all(form.is_valid() for form in forms):
        for form in forms:
            if form.cleaned_data["value"] is not None:
                review.score(
                    assignment,
                    form.criterion,
                    form.cleaned_data["value"],
                    by=request.user,
                    comment=form.cleaned_data["comment"],
                )
        messages.success(request, _("Scores saved."))
        return redirect("fund:review", pk=assignment.pk)
    return render(
        request,
        "fund/staff/review.html",
        {
            "assignment": assignment,
            "application": application,
            "forms": forms,
            "total": review.total(assignment),
            "blind": application.call.blind,
            "lines": application.budget_lines.all(),
            "outcomes": application.outcomes.prefetch_related("indicators"),
        },
    )


def _declaration(request, assignment):
    form = DeclarationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        conflict = form.cleaned_data["answer"] == "conflict"
        review.declare(
            assignment, by=request.user, conflict=conflict, note=form.cleaned_data["note"]
        )
        if conflict:
            messages.info(request, _("Thank you: the application goes to another reviewer."))
            return redirect("fund:my_reviews")
        return redirect("fund:review", pk=assignment.pk)
    return render(
        request,
        "fund/staff/declaration.html",
        {"assignment": assignment, "form": form, "blind": assignment.application.call.blind},
    )
