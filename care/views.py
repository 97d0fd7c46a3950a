"""The public licence check, the certificate, and the inspector's pages."""

from datetime import date, timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role
from care import inspections, licensing
from care.forms import (
    ApplyForm,
    CheckForm,
    FindingFormSet,
    FindingsNotesForm,
    SectionForm,
)
from care.models import (
    DocumentRequirement,
    Facility,
    Inspection,
    Licence,
    LicenceApplication,
    LicenceState,
    Score,
    Severity,
    Stage,
    ViolationState,
)
from core.errors import ActionError, refuse
from core.formsets import edited_rows
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


def _own_inspection(request, pk) -> Inspection:
    _inspector_only(request.user)
    return get_object_or_404(
        Inspection.objects.select_related("facility"),
        pk=pk,
        inspector=request.user,
        facility__governorate_id=request.user.governorate_id,
    )


@login_required
def inspection_form(request, pk):
    """Where the inspector picks up: the first section not yet recorded, or the check; a
    report sent is shown as it was sent."""
    inspection = _own_inspection(request, pk)
    if inspection.done_at is not None:
        return render(
            request,
            "care/inspection_sent.html",
            {"inspection": inspection, "items": inspection.items.select_related("item")},
        )
    to_do = inspections.sections_to_do(inspection)
    if to_do:
        return redirect("care:inspection_section", pk=inspection.pk, code=to_do[0].code)
    return redirect("care:inspection_check", pk=inspection.pk)


def _open_violations(inspection):
    return inspection.facility.violations.filter(
        state__in=[ViolationState.OPEN, ViolationState.ESCALATED]
    ).exclude(inspection=inspection)


@login_required
def inspection_section(request, pk, code):
    """One area of the checklist (or the violations found), made for a phone; a photo is
    kept the moment it arrives, even when something else on the page must be put right."""
    inspection = _own_inspection(request, pk)
    if inspection.done_at is not None:
        return redirect("care:inspection", pk=inspection.pk)
    all_sections = inspections.sections(inspection.facility)
    section = next((s for s in all_sections if s.code == code), None)
    if section is None:
        raise Http404
    draft = inspections.draft_of(inspection)
    data = request.POST if request.method == "POST" else None
    if section.code == inspections.FINDINGS:
        response, context = _findings_section(request, inspection, draft, data)
    else:
        response, context = _items_section(request, inspection, section, draft, data)
    if response is not None:
        return response
    position = all_sections.index(section)
    done = set(draft.sections_done)
    return render(
        request,
        "care/inspection.html",
        {
            "inspection": inspection,
            "section": section,
            "sections": [(s, s.code in done) for s in all_sections],
            "number": position + 1,
            "count": len(all_sections),
            "previous": all_sections[position - 1] if position else None,
            "complaints": _complaints_about(inspection.facility) if position == 0 else [],
            **context,
        },
    )


def _next_page(inspection, code):
    following = inspections.sections_to_do(inspection)
    if following and following[0].code != code:
        return redirect("care:inspection_section", pk=inspection.pk, code=following[0].code)
    return redirect("care:inspection_check", pk=inspection.pk)


def _items_section(request, inspection, section, draft, data):
    initial = {}
    for item in section.items:
        given = draft.answers.get(str(item.pk))
        if given:
            initial |= {f"score_{item.pk}": given["score"], f"note_{item.pk}": given["note"]}
    form = SectionForm(data, request.FILES or None, items=section.items, initial=initial)
    if data is not None:
        valid = form.is_valid()
        try:
            for item, photo in form.photos().items():
                inspections.keep_photo(inspection, item, photo, by=request.user)
            if valid:
                inspections.save_section(inspection, section.code, form.answers(), by=request.user)
                return _next_page(inspection, section.code), {}
        except ActionError as error:
            refuse(form, error)
    kept = {photo.item_id: photo for photo in inspection.photos.all()}
    rows = [(*row, kept.get(row[3].pk)) for row in form.item_rows()]
    return None, {"form": form, "rows": rows}


def _findings_section(request, inspection, draft, data):
    today = timezone.localdate()
    initial = [{**f, "correct_by": date.fromisoformat(f["correct_by"])} for f in draft.findings]
    kwargs = {"prefix": "findings", "initial": initial, "form_kwargs": {"today": today}}
    formset = edited_rows(data, FindingFormSet, **kwargs) if data is not None else None
    notes = FindingsNotesForm(
        data,
        open_violations=_open_violations(inspection),
        initial={"notes": draft.notes, "corrected": [str(pk) for pk in draft.corrected]},
    )
    if formset is None:
        formset = FindingFormSet(data, **kwargs)
        if data is not None and formset.is_valid() and notes.is_valid():
            try:
                inspections.save_findings(
                    inspection,
                    by=request.user,
                    findings=[
                        f.finding()
                        for f in formset
                        if f.cleaned_data and not f.cleaned_data.get("DELETE")
                    ],
                    corrected=notes.corrected_violations(),
                    notes=notes.cleaned_data["notes"],
                )
            except ActionError as error:
                refuse(notes, error)
            else:
                return _next_page(inspection, inspections.FINDINGS), {}
    return None, {"formset": formset, "notes_form": notes}


@login_required
def inspection_check(request, pk):
    """Everything recorded, section by section, each with the way back, before sending."""
    inspection = _own_inspection(request, pk)
    if inspection.done_at is not None:
        return redirect("care:inspection", pk=inspection.pk)
    draft = inspections.draft_of(inspection)
    to_do = inspections.sections_to_do(inspection)
    refused = ""
    if request.method == "POST" and not to_do:
        try:
            inspections.send(inspection, by=request.user)
        except ActionError as error:
            refused = error.message
        else:
            messages.success(
                request,
                _("The inspection report of %(facility)s is sent.")
                % {"facility": inspection.facility},
            )
            return redirect("care:my_inspections")
    labels = dict(Score.choices)
    photos = {photo.item_id: photo for photo in inspection.photos.all()}
    parts = []
    for section in inspections.sections(inspection.facility):
        rows = []
        for item in section.items:
            given = draft.answers.get(str(item.pk)) or {}
            rows.append(
                (item, labels.get(given.get("score")), given.get("note"), photos.get(item.pk))
            )
        parts.append((section, rows))
    return render(
        request,
        "care/inspection_check.html",
        {
            "inspection": inspection,
            "parts": parts,
            "draft": draft,
            "findings": [
                {
                    "severity": Severity(f["severity"]).label,
                    "description": f["description"],
                    "correct_by": date.fromisoformat(f["correct_by"]),
                }
                for f in draft.findings
            ],
            "corrected": _open_violations(inspection).filter(pk__in=draft.corrected),
            "to_do": to_do,
            "refused": refused,
        },
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
