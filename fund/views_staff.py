"""The fund's pages for its officers, reviewers and committee."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, F, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import Role
from core.errors import ActionError, refuse
from core.formsets import edited_rows
from core.money import format_pounds
from core.pagination import CappedPaginator
from fund import decisions, money_flow, publication, review
from fund.forms_staff import (
    LISTED_STATUSES,
    AssignForm,
    CloseCallForm,
    DecisionForm,
    DeclarationForm,
    MilestoneForm,
    ReleaseForm,
    ReportReviewForm,
    ScoreForm,
    ScreeningForm,
    TranchePlanFormSet,
)
from fund.models import (
    Application,
    ApplicationStatus,
    Assignment,
    Call,
    CallStatus,
    Grant,
    Report,
    ReportStatus,
    TrancheCondition,
)

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
        "screen": ScreeningForm(_posted(request, "screen")),
        "assign": AssignForm(_posted(request, "assign")),
        "decide": DecisionForm(_posted(request, "decide")),
    }
    if request.method == "POST":
        _only(request.user, (Role.FUND_OFFICER,))
        form = forms.get(request.POST.get("action"))
        if form is not None and form.is_valid():
            try:
                done = _act(request, application, request.POST["action"], form.cleaned_data)
            except ActionError as error:
                refuse(form, error)
            else:
                messages.success(request, done)
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
            "documents": application.documents.select_related("required"),
            "questions": application.information_requests.all(),
            "can_act": request.user.role == Role.FUND_OFFICER,
            "call_money": decisions.call_money(application.call),
        },
    )


def _act(request, application, action, data) -> str:
    """Carry out the officer's action; say what was done."""
    if action == "screen":
        screened = review.screen(application, data["outcome"], by=request.user, note=data["note"])
        return _("The screening is recorded: the application is now “%(status)s”.") % {
            "status": screened.get_status_display()
        }
    if action == "assign":
        made = review.assign_reviewers(application, data["count"], by=request.user)
        return _("Assigned to %(names)s.") % {
            "names": _(", ").join(a.reviewer.display_name for a in made)
        }
    grant = decisions.decide(
        application,
        data["decision"],
        by=request.user,
        reason=data["reason"],
        amount=data.get("amount"),
        starts_on=data.get("starts_on"),
        ends_on=data.get("ends_on"),
    )
    if grant is not None:
        return _(
            "Funded with %(amount)s pounds; the organization is told. Plan the tranches next."
        ) % {"amount": format_pounds(grant.amount_awarded)}
    application.refresh_from_db()
    return _("The decision is recorded: “%(status)s”; the organization is told.") % {
        "status": application.get_status_display()
    }


@login_required
def call_list(request):
    """The fund's calls in every state, with the publication check and buttons."""
    _only(request.user, OFFICERS)
    if request.method == "POST":
        _only(request.user, (Role.FUND_OFFICER,))
        call = get_object_or_404(Call, pk=request.POST.get("call"))
        act = {"publish": publication.publish, "close": publication.close}.get(
            request.POST.get("action")
        )
        if act is None:
            raise PermissionDenied
        if act is publication.close and not CloseCallForm(request.POST).is_valid():
            messages.error(request, _("Tick the box to confirm that the call closes."))
            return redirect("fund:staff_calls")
        try:
            act(call, by=request.user)
        except ActionError as error:
            messages.error(request, error.message)
        else:
            done = (
                _("The call “%(call)s” is published: organizations can apply.")
                if act is publication.publish
                else _("The call “%(call)s” is closed: no more applications are taken.")
            )
            messages.success(request, done % {"call": call})
        return redirect("fund:staff_calls")
    now = timezone.now()
    calls = Call.objects.annotate(
        submitted=Count("applications", filter=~Q(applications__status=ApplicationStatus.DRAFT))
    ).order_by("-opens_at")
    rows = [
        {
            "call": call,
            "problems": publication.publication_problems(call, now)
            if call.status == CallStatus.DRAFT
            else [],
        }
        for call in calls
    ]
    return render(
        request,
        "fund/staff/calls.html",
        {"rows": rows, "can_act": request.user.role == Role.FUND_OFFICER},
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
        .annotate(
            scored=Count("scores", distinct=True),
            criteria=Count("application__call__criteria", distinct=True),
        )
        .order_by(F("completed_at").asc(nulls_first=True), "assigned_at")
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
    refused = ""
    if request.method == "POST" and all(form.is_valid() for form in forms):
        try:
            done = _score_and_maybe_finish(request, assignment, forms)
        except ActionError as error:
            refused = _said_beside_the_scores(error, assignment, forms)
        else:
            messages.success(request, done)
            return redirect("fund:review", pk=assignment.pk)
    scored = len(criteria) - len(review.unscored(assignment))
    return render(
        request,
        "fund/staff/review.html",
        {
            "assignment": assignment,
            "application": application,
            "forms": forms,
            "refused": refused,
            "scored": scored,
            "criteria_count": len(criteria),
            "total": review.total(assignment),
            "questions": application.information_requests.all(),
            "blind": application.call.blind,
            "lines": application.budget_lines.all(),
            "outcomes": application.outcomes.prefetch_related("indicators"),
            "documents": [] if application.call.blind else application.documents.all(),
        },
    )


def _said_beside_the_scores(error: ActionError, assignment, forms) -> str:
    """A review not finished for want of scores: each missing one is marked in its box
    (and listed in the error summary); another refusal is said above the scores."""
    if error.code != review.ReviewError.INCOMPLETE:
        return error.message
    missing = {criterion.pk for criterion in review.unscored(assignment)}
    for form in forms:
        if form.criterion.pk in missing:
            form.add_error("value", _("Score this criterion to finish the review."))
    return ""


def _score_and_maybe_finish(request, assignment, forms) -> str:
    """Keep the scores typed; with "Finish the review", close it (every criterion scored)."""
    for form in forms:
        if form.cleaned_data["value"] is not None:
            review.score(
                assignment,
                form.criterion,
                form.cleaned_data["value"],
                by=request.user,
                comment=form.cleaned_data["comment"],
            )
    if "finish" not in request.POST:
        return _("Your scores are saved; finish the review once every criterion is scored.")
    finished = review.finish(assignment, by=request.user)
    return _("Your review is finished, with a total of %(total)s out of 100. Thank you.") % {
        "total": review.total(finished)
    }


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


def _posted(request, action: str):
    """The POST for a form only when it is the action sent: other forms stay unbound."""
    return request.POST if request.POST.get("action") == action else None


@login_required
def grant_page(request, pk):
    """The money of one grant: its tranches planned, milestones confirmed, payments made,
    and the reports owed, for the fund's officers (auditors read)."""
    _only(request.user, OFFICERS)
    grant = get_object_or_404(
        Grant.objects.select_related("application__organization", "application__call"), pk=pk
    )
    action = request.POST.get("action")
    plan_data = _posted(request, "plan")
    # A plan starts as one tranche of the whole grant, paid on signature; the officer
    # adds and removes tranches from there (1 to 12).
    first = [{"amount": grant.amount_awarded, "condition": TrancheCondition.ON_SIGNATURE}]
    edited = edited_rows(plan_data, TranchePlanFormSet, prefix="tranches", initial=first)
    posted = {
        "plan": edited or TranchePlanFormSet(plan_data, prefix="tranches", initial=first),
        "release": ReleaseForm(_posted(request, "release")),
        "milestone": MilestoneForm(_posted(request, "milestone")),
    }
    if request.method == "POST":
        _only(request.user, (Role.FUND_OFFICER,))
        form = posted.get(action)
        if edited is None and form is not None and form.is_valid():
            try:
                done = _money(request, grant, action, form)
            except ActionError as error:
                refuse(form, error)
            else:
                messages.success(request, done)
                return redirect("fund:staff_grant", pk=grant.pk)
    today = timezone.localdate()
    tranches = list(grant.tranches.select_related("report", "grant"))
    acted = request.POST.get("tranche")

    def form_for(name, form_class, tranche):
        """The posted form for the tranche acted on (with its errors), else a blank one."""
        if action == name and acted == str(tranche.pk):
            return posted[name]
        return form_class(initial={"tranche": tranche.pk})

    rows = [
        {
            "tranche": tranche,
            "problems": money_flow.release_problems(tranche, today),
            "release": form_for("release", ReleaseForm, tranche),
            "milestone": form_for("milestone", MilestoneForm, tranche),
        }
        for tranche in tranches
    ]
    return render(
        request,
        "fund/staff/grant.html",
        {
            "grant": grant,
            "application": grant.application,
            "plan": posted["plan"],
            "rows": rows,
            "reports": grant.reports.all(),
            "paid": sum(t.amount for t in tranches if t.released_at),
            "can_act": request.user.role == Role.FUND_OFFICER,
        },
    )


def _money(request, grant, action, form) -> str:
    """Carry out the officer's action on the grant's money; say what was done."""
    if action == "plan":
        parts = [f.cleaned_data for f in form if f.cleaned_data and not f.cleaned_data["DELETE"]]
        made = money_flow.plan(grant, parts, by=request.user)
        return ngettext(
            "The grant is planned in %(count)d tranche.",
            "The grant is planned in %(count)d tranches.",
            len(made),
        ) % {"count": len(made)}
    tranche = get_object_or_404(grant.tranches, pk=form.cleaned_data["tranche"])
    if action == "release":
        money_flow.release(
            tranche,
            by=request.user,
            paid_on=form.cleaned_data["paid_on"],
            reference=form.cleaned_data["reference"],
        )
        return _("The payment of tranche %(number)s (%(amount)s pounds) is recorded.") % {
            "number": tranche.position,
            "amount": format_pounds(tranche.amount),
        }
    money_flow.confirm_milestone(tranche, by=request.user, note=form.cleaned_data["note"])
    return _("The milestone of tranche %(number)s is confirmed.") % {"number": tranche.position}


@login_required
def report_list(request):
    """What the fund's officers owe the reports and what the organizations owe the fund:
    reports waiting for review, then overdue ones (they hold up payments)."""
    _only(request.user, OFFICERS)
    reports = Report.objects.select_related("grant__application__organization")
    waiting = reports.filter(status=ReportStatus.SUBMITTED).order_by("submitted_at")
    overdue = reports.overdue(timezone.localdate()).order_by("due_on")
    return render(
        request,
        "fund/staff/reports.html",
        {
            "page": Paginator(waiting, 50).get_page(request.GET.get("page")),
            # The oldest first, a hundred at most: more than that is a conversation.
            "overdue": overdue[:100],
            "overdue_count": overdue.count(),
        },
    )


@login_required
def report_review(request, pk):
    """A fund officer reads a report against the budget and the targets, and approves it
    or sends it back with comments."""
    _only(request.user, OFFICERS)
    report = get_object_or_404(
        Report.objects.select_related(
            "grant__application__organization", "grant__application__call"
        ),
        pk=pk,
    )
    again = timezone.localdate() + timedelta(days=money_flow.RETURNED_REPORT_DAYS)
    form = ReportReviewForm(request.POST or None, initial={"due_on": again})
    if request.method == "POST":
        _only(request.user, (Role.FUND_OFFICER,))
        if form.is_valid():
            approve = form.cleaned_data["decision"] == "approve"
            try:
                reviewed = money_flow.review_report(
                    report,
                    by=request.user,
                    approve=approve,
                    comments=form.cleaned_data["comments"],
                    due_on=form.cleaned_data["due_on"],
                )
            except ActionError as error:
                refuse(form, error)
            else:
                done = (
                    _("The report is approved.")
                    if approve
                    else _("The report is sent back; it is due again on %(date)s.")
                    % {"date": date_format(reviewed.due_on)}
                )
                messages.success(request, done)
                return redirect("fund:staff_grant", pk=report.grant_id)
    return render(
        request,
        "fund/staff/report.html",
        {
            "report": report,
            "form": form,
            "spending": money_flow.spending(report),
            "values": money_flow.indicator_progress(report),
            "can_act": request.user.role == Role.FUND_OFFICER,
        },
    )
