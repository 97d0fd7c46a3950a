"""The public licence check, the certificate, and the inspector's pages."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role
from care import inspections, licensing
from care.forms import ApplyForm, CheckForm, InspectionForm
from care.models import (
    DocumentRequirement,
    Facility,
    Inspection,
    Licence,
    LicenceApplication,
    LicenceState,
    Severity,
    Stage,
    ViolationState,
)
from core.errors import ActionError
from core.text import search_key


def check(request):
    """Anyone: find a facility by governorate, kind, name or licence number."""
    form = CheckForm(request.GET or None)
    facilities, unknown_number = Facility.objects.none(), ""
    if form.is_valid() and form.has_criteria():
        data = form.cleaned_data
        facilities = Facility.objects.select_related("governorate").order_by("name_key", "pk")
        if data["number"]:
            key = licensing.licence_key(data["number"])
            facilities = facilities.filter(licence_key=key)
            if not facilities.exists():
                unknown_number = data["number"]
        if data["governorate"]:
            facilities = facilities.filter(governorate=data["governorate"])
        if data["kind"]:
            facilities = facilities.filter(kind=data["kind"])
        if data["name"]:
            facilities = facilities.filter(name_key__contains=search_key(data["name"]))
    page = Paginator(facilities, 25).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "care/check.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "searched": form.is_bound,
            "unknown_number": unknown_number,
            "today": timezone.localdate(),
        },
    )


def _public_facility(request, facility: Facility, *, verifying: bool = False):
    licence = facility.licences.exclude(state=LicenceState.REPLACED).first()
    serious = facility.violations.filter(
        severity=Severity.SERIOUS, state__in=[ViolationState.OPEN, ViolationState.ESCALATED]
    )
    return render(
        request,
        "care/facility.html",
        {
            "facility": facility,
            "licence": licence,
            "expired": licence is not None and licence.valid_until < timezone.localdate(),
            "serious": serious,
            "verifying": verifying,
        },
    )


def facility_page(request, pk):
    return _public_facility(
        request, get_object_or_404(Facility.objects.select_related("governorate"), pk=pk)
    )


def verify(request, key):
    """Where a certificate's QR code leads: the licence as it stands today."""
    facility = Facility.objects.select_related("governorate").filter(
        licence_key=licensing.licence_key(key)
    )
    facility = facility.first()
    if facility is None:
        return render(request, "care/unknown.html", {"number": key}, status=404)
    return _public_facility(request, facility, verifying=True)


def verify_url(licence: Licence) -> str:
    return settings.SITE_URL + reverse("care:verify", args=[licence.key])


def certificate(request, key):
    licence = get_object_or_404(
        Licence.objects.select_related("facility__governorate").exclude(
            state=LicenceState.REPLACED
        ),
        key=licensing.licence_key(key),
    )
    from care.certificate import render as render_certificate

    response = HttpResponse(
        render_certificate(licence, verify_url(licence)), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="licence-{licence.number}.pdf"'
    return response


def _inspector_only(user) -> None:
    if user.role != Role.INSPECTOR:
        raise PermissionDenied


@login_required
def my_inspections(request):
    """The inspector's list: due first, in their governorate only."""
    _inspector_only(request.user)
    mine = (
        Inspection.objects.filter(
            inspector=request.user, facility__governorate_id=request.user.governorate_id
        )
        .select_related("facility")
        .order_by("done_at", "due_on")
    )
    return render(
        request,
        "care/my_inspections.html",
        {
            "page": Paginator(mine, 30).get_page(request.GET.get("page")),
            "today": timezone.localdate(),
        },
    )


@login_required
def inspection_form(request, pk):
    """The inspector's form, made for a phone: every item, a note, the violations."""
    _inspector_only(request.user)
    inspection = get_object_or_404(
        Inspection.objects.select_related("facility"),
        pk=pk,
        inspector=request.user,
        facility__governorate_id=request.user.governorate_id,
    )
    items = list(inspections.checklist(inspection.facility))
    open_violations = inspection.facility.violations.filter(
        state__in=[ViolationState.OPEN, ViolationState.ESCALATED]
    ).exclude(inspection=inspection)
    form = InspectionForm(
        request.POST or None,
        request.FILES or None,
        items=items,
        open_violations=open_violations,
        today=timezone.localdate(),
    )
    if request.method == "POST" and inspection.done_at is None and form.is_valid():
        try:
            inspections.record(
                inspection,
                by=request.user,
                answers=form.answers(),
                findings=form.findings(),
                notes=form.cleaned_data["notes"],
                corrected=form.corrected_violations(),
                photos=form.photos(),
            )
        except ActionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The inspection report was sent."))
            return redirect("care:my_inspections")
    complaints = _complaints_about(inspection.facility)
    return render(
        request,
        "care/inspection.html",
        {"inspection": inspection, "form": form, "complaints": complaints},
    )


def _complaints_about(facility: Facility):
    """Complaints filed about the facility's operator in the last year, for the inspector."""
    if facility.organization_id is None:
        return []
    from complaints.models import Case

    since = timezone.now() - timedelta(days=365)
    return Case.objects.filter(organization_id=facility.organization_id, received_at__gte=since)[
        :20
    ]


OPERATORS = (Role.ORGANIZATION_MEMBER, Role.CITIZEN)


@login_required
def mine(request):
    """An operator's facilities and the steps of their applications."""
    if request.user.role not in OPERATORS:
        raise PermissionDenied
    applications = (
        LicenceApplication.objects.filter(
            Q(submitted_by=request.user) | Q(facility__organization__memberships__user=request.user)
        )
        .select_related("facility")
        .distinct()
        .order_by("-submitted_at")
    )
    return render(
        request,
        "care/mine.html",
        {"page": Paginator(applications, 20).get_page(request.GET.get("page"))},
    )


@login_required
def apply(request):
    if request.user.role not in OPERATORS:
        raise PermissionDenied
    form = ApplyForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            facility = Facility.objects.create(
                kind=data["kind"],
                name_ar=data["name_ar"],
                name_en=data["name_en"],
                governorate=data["governorate"],
                address=data["address"],
                capacity=data["capacity"],
                organization=data["organization"],
                operator_name="" if data["organization"] else request.user.display_name,
            )
            licensing.apply(facility, by=request.user)
        messages.success(
            request,
            _("Your application was received. The directorate checks your documents next."),
        )
        return redirect("care:mine")
    return render(
        request,
        "care/apply.html",
        {"form": form, "documents": DocumentRequirement.objects.all()},
    )


@login_required
def renew(request, pk):
    """The operator asks for the renewal of a licence (the desk takes it from there)."""
    if request.method != "POST" or request.user.role not in OPERATORS:
        raise PermissionDenied
    facility = get_object_or_404(
        Facility.objects.filter(
            Q(applications__submitted_by=request.user)
            | Q(organization__memberships__user=request.user)
        ).distinct(),
        pk=pk,
    )
    if facility.applications.exclude(stage=Stage.DECIDED).exists():
        messages.info(request, _("An application for this facility is already in progress."))
    else:
        licensing.apply(facility, by=request.user, renewal=True)
        messages.success(request, _("Your renewal application was received."))
    return redirect("care:mine")
