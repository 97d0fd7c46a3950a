from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_http_methods

from core.audit import client_ip
from core.errors import ActionError, refuse
from core.phones import format_phone
from core.scoping import get_visible_or_explain
from registry import actions
from registry.forms import ChangeProposalForm, DecisionForm, SearchForm
from registry.models import (
    ChangeRequestStatus,
    FieldOfActivity,
    Organization,
    ProfileChangeRequest,
)

PAGE_SIZE = 20


def _display(field_name: str, value) -> str:
    """A proposed or previous value as a reader should see it."""
    if field_name == "fields":
        names = [f.name for f in FieldOfActivity.objects.filter(code__in=value or [])]
        return pgettext("list separator", ", ").join(names) or "—"
    if field_name == "phone" and value:
        return format_phone(value)
    return value or "—"


def search(request):
    form = SearchForm(request.GET or None)
    organizations = Organization.objects.select_related("governorate").in_reading_order()
    if form.is_valid():
        organizations = form.filter(organizations)
    page = Paginator(organizations, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "registry/search.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


def organization_detail(request, pk):
    organization = get_object_or_404(
        Organization.objects.select_related("governorate", "federation"),
        pk=pk,
    )
    context = {
        "organization": organization,
        "fields": organization.fields.all(),
        "can_propose": actions.can_propose_changes(request.user, organization),
        "pending": organization.change_requests.filter(status=ChangeRequestStatus.PENDING).first(),
    }
    return render(request, "registry/organization.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def propose_change(request, pk):
    organization = get_object_or_404(Organization, pk=pk)
    if not actions.can_propose_changes(request.user, organization):
        messages.error(
            request, _("Only an administrator of this organization can propose changes.")
        )
        return redirect("registry:organization", pk=pk)
    pending = organization.change_requests.filter(status=ChangeRequestStatus.PENDING).first()
    if pending is not None and request.method == "GET":
        # Said before anything is typed: one change at a time waits for the directorate.
        return render(
            request,
            "registry/propose_change.html",
            {"organization": organization, "pending": pending},
        )
    initial = actions.profile_values(organization)
    initial["phone"] = format_phone(initial["phone"])  # people read the national form
    form = ChangeProposalForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            change_request = actions.propose_profile_change(
                organization,
                form.proposed(),
                by=request.user,
                note=form.cleaned_data["note"],
                ip=client_ip(request),
            )
        except ActionError as error:
            resent = _pending_with_same_changes(organization, form.proposed())
            if error.code != actions.RegistryError.ALREADY_PENDING or resent is None:
                refuse(form, error)
            else:  # a double submit or a retry: the first one went through
                messages.info(request, _("This change was already sent and waits for review."))
                return redirect("registry:change_request", pk=resent.pk)
        else:
            messages.success(request, _("Your change is sent to the directorate for review."))
            return redirect("registry:change_request", pk=change_request.pk)
    return render(
        request, "registry/propose_change.html", {"form": form, "organization": organization}
    )


def _pending_with_same_changes(organization, proposed):
    pending = organization.change_requests.filter(status=ChangeRequestStatus.PENDING).first()
    if pending and pending.proposed == actions.changes_from(organization, proposed):
        return pending
    return None


@login_required
def change_requests(request):
    visible = ProfileChangeRequest.objects.for_user(request.user).select_related(
        "organization", "organization__governorate", "submitted_by"
    )
    status = request.GET.get("status", ChangeRequestStatus.PENDING)
    if status in ChangeRequestStatus.values:
        visible = visible.filter(status=status)
    page = Paginator(visible, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "registry/change_requests.html",
        {
            "page": page,
            "status": status,
            "statuses": ChangeRequestStatus.choices,
            "query": f"status={status}",
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def change_request_detail(request, pk):
    change_request = get_visible_or_explain(
        ProfileChangeRequest.objects.for_user(request.user).select_related(
            "organization", "submitted_by", "decided_by"
        ),
        request.user,
        pk=pk,
    )
    can_decide = change_request.status == ChangeRequestStatus.PENDING and actions.can_decide(
        request.user, change_request
    )
    form = DecisionForm(request.POST or None) if can_decide else None
    if request.method == "POST":
        if form is None and change_request.status != ChangeRequestStatus.PENDING:
            messages.info(request, _("This change request has already been decided."))
            return redirect("registry:change_request", pk=pk)
        if form is None:
            messages.error(request, _("You cannot decide this change request."))
            return redirect("registry:change_request", pk=pk)
        if form.is_valid():
            approve = form.cleaned_data["decision"] == "approve"
            decide = actions.approve_change_request if approve else actions.reject_change_request
            try:
                decide(
                    change_request,
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                    ip=client_ip(request),
                )
            except ActionError as error:
                refuse(form, error)
            else:
                messages.success(
                    request,
                    _("The change is approved and now in the public profile.")
                    if approve
                    else _("The change is rejected; the organization is told why."),
                )
                return redirect("registry:change_request", pk=pk)
    rows = [
        {
            "label": Organization._meta.get_field(name).verbose_name,
            "before": _display(name, change_request.previous.get(name)),
            "after": _display(name, change_request.proposed[name]),
        }
        for name in change_request.proposed
    ]
    return render(
        request,
        "registry/change_request.html",
        {"change_request": change_request, "rows": rows, "form": form},
    )
