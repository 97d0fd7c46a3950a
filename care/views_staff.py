"""The directorate's licensing desk: applications step by step, licences suspended,
revoked or reinstated, follow-up inspections, and the ministry's dashboard."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import Role
from care import dashboard, inspections, licensing
from care.forms_staff import DecisionForm, DocumentsForm, FeeForm, ScheduleForm, WithdrawForm
from care.models import (
    Decision,
    DocumentRequirement,
    Facility,
    InspectionPhoto,
    LicenceApplication,
    Stage,
    ViolationState,
)
from core import uploads
from core.errors import ActionError, refuse
from core.scoping import get_visible_or_explain

DESK = (Role.DIRECTORATE_OFFICER, Role.CENTRAL_OFFICER, Role.SYSTEM_ADMIN, Role.AUDITOR)
ACTORS = (Role.DIRECTORATE_OFFICER, Role.CENTRAL_OFFICER, Role.SYSTEM_ADMIN)


def _desk_only(user, roles=DESK) -> None:
    if user.role not in roles:
        raise PermissionDenied


@login_required
def desk(request):
    _desk_only(request.user)
    facilities = Facility.objects.for_officer(request.user)
    waiting = (
        LicenceApplication.objects.filter(facility__in=facilities)
        .exclude(stage=Stage.DECIDED)
        .select_related("facility__governorate")
        .order_by("submitted_at")
    )
    return render(
        request,
        "care/desk.html",
        {
            "page": Paginator(waiting, 30).get_page(request.GET.get("page")),
            "serious": facilities.filter(open_serious_violations__gt=0).order_by("name_key")[:50],
        },
    )


@login_required
def application_desk(request, pk):
    _desk_only(request.user)
    application = get_visible_or_explain(
        LicenceApplication.objects.select_related("facility__governorate").filter(
            facility__in=Facility.objects.for_officer(request.user)
        ),
        request.user,
        pk=pk,
    )
    facility = application.facility
    action = request.POST.get("action")
    forms = {
        "documents": DocumentsForm(request.POST if action == "documents" else None),
        "fee": FeeForm(request.POST if action == "fee" else None),
        "schedule": ScheduleForm(
            request.POST if action == "schedule" else None, governorate=facility.governorate_id
        ),
        "decide": DecisionForm(request.POST if action == "decide" else None),
    }
    if request.method == "POST":
        _desk_only(request.user, ACTORS)
        form = forms.get(action)
        if form is not None and form.is_valid():
            try:
                done = _act(request, application, action, form.cleaned_data)
            except ActionError as error:
                refuse(form, error)
            else:
                messages.success(request, done)
                return redirect("care:application_desk", pk=application.pk)
    return render(
        request,
        "care/application_desk.html",
        {
            "application": application,
            "facility": facility,
            "forms": forms,
            "documents": DocumentRequirement.objects.filter(kind=facility.kind),
            "inspections": facility.inspections.select_related("inspector").order_by("-due_on"),
            "can_act": request.user.role in ACTORS,
        },
    )


def _act(request, application, action, data) -> str:
    """Carry out the officer's step on the application; say what was done."""
    by = request.user
    if action == "documents":
        complete = data["complete"] == "yes"
        licensing.review_documents(application, by=by, complete=complete, missing=data["missing"])
        return (
            _("The documents are recorded as complete.")
            if complete
            else _("The operator is asked for what is missing.")
        )
    if action == "fee":
        licensing.record_fee(application, by=by, fee=data["fee"], reference=data["reference"])
        return _("The fee is recorded.")
    if action == "schedule":
        licensing.schedule_inspection(
            application, by=by, inspector=data["inspector"], due_on=data["due_on"]
        )
        return _("%(inspector)s will inspect by %(date)s.") % {
            "inspector": data["inspector"].display_name,
            "date": date_format(data["due_on"]),
        }
    licensing.decide(
        application,
        data["decision"],
        by=by,
        reasons=data["reasons"],
        condition_deadline=data["condition_deadline"],
    )
    return _("The decision is recorded: “%(decision)s”; the operator is told.") % {
        "decision": Decision(data["decision"]).label
    }


@login_required
def facility_desk(request, pk):
    """A licensed facility: withdraw or reinstate its licence, send an inspector back."""
    _desk_only(request.user)
    facility = get_visible_or_explain(
        Facility.objects.for_officer(request.user).select_related("governorate"),
        request.user,
        pk=pk,
    )
    action = request.POST.get("form")
    withdraw = WithdrawForm(request.POST if action == "withdraw" else None)
    follow_up = ScheduleForm(
        request.POST if action == "follow_up" else None, governorate=facility.governorate_id
    )
    if request.method == "POST":
        _desk_only(request.user, ACTORS)
        form = withdraw if action == "withdraw" else follow_up
        if form.is_valid():
            try:
                done = _act_on_facility(request, facility, action, form.cleaned_data)
            except ActionError as error:
                refuse(form, error)
            else:
                messages.success(request, done)
                return redirect("care:facility_desk", pk=facility.pk)
    return render(
        request,
        "care/facility_desk.html",
        {
            "facility": facility,
            "licence": facility.licences.first(),
            "withdraw": withdraw,
            "follow_up": follow_up,
            "violations": facility.violations.filter(
                state__in=[ViolationState.OPEN, ViolationState.ESCALATED]
            ),
            "inspections": facility.inspections.select_related("inspector")
            .prefetch_related("photos")
            .order_by("-due_on")[:20],
            "can_act": request.user.role in ACTORS,
        },
    )


LICENCE_ACTS = {
    "suspend": (licensing.suspend, gettext_lazy("The licence is suspended.")),
    "revoke": (licensing.revoke, gettext_lazy("The licence is revoked.")),
    "reinstate": (licensing.reinstate, gettext_lazy("The licence is reinstated.")),
}


def _act_on_facility(request, facility, action, data) -> str:
    if action == "withdraw":
        act, done = LICENCE_ACTS[data["action"]]
        act(facility, by=request.user, reason=data["reason"])
        return str(done)
    last = facility.inspections.filter(done_at__isnull=False).order_by("-done_at").first()
    if last is None:
        raise ActionError("no_inspection", _("There is no inspection to follow up yet."))
    inspections.schedule_follow_up(
        last, by=request.user, inspector=data["inspector"], due_on=data["due_on"]
    )
    return _("%(inspector)s will follow it up by %(date)s.") % {
        "inspector": data["inspector"].display_name,
        "date": date_format(data["due_on"]),
    }


@login_required
def dashboard_page(request):
    """For the ministry: the country's (or a directorate's) facilities at a glance."""
    _desk_only(request.user)
    facilities = Facility.objects.for_officer(request.user)
    today = timezone.localdate()
    return render(
        request,
        "care/dashboard.html",
        {
            "by_governorate": dashboard.by_governorate(facilities),
            "stages": dashboard.applications_by_stage(facilities, today),
            "inspections": dashboard.inspections_due(facilities, today),
            "violations": dashboard.violations_by_severity(facilities),
        },
    )


@login_required
def photo(request, pk):
    """An inspection photo, for the desk of its governorate or the inspector who took it."""
    visible = InspectionPhoto.objects.filter(
        Q(inspection__facility__in=Facility.objects.for_officer(request.user))
        | Q(inspection__inspector=request.user)
    )
    file = get_object_or_404(visible.select_related("inspection__facility"), pk=pk)
    return uploads.serve(request, file, action="care.photo_opened", obj=file.inspection.facility)
