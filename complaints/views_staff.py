"""The staff workbench: queues, a case with its whole timeline, and every action on it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import F, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from accounts.models import Role
from complaints import actions, service_levels
from complaints.forms import (
    AssignForm,
    BulkAssignForm,
    DuplicateForm,
    NoteForm,
    ReasonForm,
    ReplyForm,
    StatusForm,
    WorkbenchFilterForm,
)
from complaints.models import (
    OPEN_STATUSES,
    Case,
    Category,
    ReplyTemplate,
    Status,
    Urgency,
    Visibility,
)
from complaints.tracking import format_tracking_number
from core import audit, reference, uploads
from core.audit import client_ip
from core.errors import ActionError, refuse
from core.pagination import CappedPaginator
from core.scoping import get_visible_or_explain

PAGE_SIZE = 50
# Counting a directorate's open cases past a thousand costs more than it tells: the
# page says "more than 1,000" and the filters narrow the queue from there.
QUEUE_COUNT_CAP = 1000
QUEUE_FIELDS = (
    "tracking_number",
    "status",
    "urgency",
    "category_id",
    "governorate_id",
    "received_at",
    "resolution_due",
    "assignee__first_name",
    "assignee__last_name",
    "assignee__username",
)


def _staff_only(user) -> None:
    if user.role not in actions.CASE_READERS:
        raise PermissionDenied


def _queue_rows(cases, now) -> list[dict]:
    """What each row shows, as plain strings with every label looked up once per page:
    the queue is the busiest staff page, and template lookups cost more than Python's."""
    statuses, urgencies = dict(Status.choices), dict(Urgency.choices)
    sla_labels = {
        service_levels.SlaState.BREACHED: _("Overdue"),
        service_levels.SlaState.AT_RISK: _("Three quarters gone"),
        service_levels.SlaState.PAUSED: _("Clock paused"),
    }
    categories = {c.pk: c.name for c in Category.objects.all()}
    governorates = {code: g.name for code, g in reference.governorates().items()}
    choose = _("Choose case %(number)s")
    case_url = reverse("complaints:case", args=["NUMBER"])  # reversed once, filled per row
    rows = []
    for case in cases:
        number = format_tracking_number(case.tracking_number)
        sla = service_levels.state(case, now)
        due = timezone.localtime(case.resolution_due) if case.resolution_due else None
        rows.append(
            {
                "pk": case.pk,
                "url": case_url.replace("NUMBER", case.tracking_number),
                "number": number,
                "choose_label": choose % {"number": number},
                "status": case.status,
                "status_label": statuses[case.status],
                "urgency": case.urgency,
                "urgency_label": urgencies[case.urgency],
                "due_iso": due.isoformat() if due else "",
                "due": date_format(due, "j M H:i") if due else "",
                "sla": sla,
                "sla_label": sla_labels.get(sla, ""),
                "category": categories[case.category_id],
                "governorate": governorates[case.governorate_id],
                "assignee": case.assignee.display_name if case.assignee else "—",
            }
        )
    return rows


def _rows_html(rows: list[dict], *, choosable: bool) -> str:
    labels = {
        "number": _("Case number"),
        "subject": _("Subject"),
        "status": _("Status"),
        "urgency": _("Urgency"),
        "due": _("Answer due"),
        "governorate": _("Governorate"),
        "assignee": _("Assignee"),
    }
    context = {"rows": rows, "labels": labels, "choosable": choosable}
    # Jinja2 escapes every value itself; the page's Django template takes it as it is.
    return mark_safe(render_to_string("complaints/queue_rows.html", context, using="jinja2"))  # noqa: S308


def most_urgent_first(cases):
    """The workbench's order, as the page explains it: critical cases not yet answered,
    then cases nobody has taken, then cases in hand, then those waiting for the citizen,
    answered cases last (``Case.attention``); within each, the answer due soonest first,
    so overdue cases lead their group."""
    return cases.order_by("attention", F("resolution_due").asc(nulls_last=True), "received_at")


@login_required
def workbench(request):
    _staff_only(request.user)
    now = timezone.now()
    form = WorkbenchFilterForm(request.GET or None)
    # Only what a row shows (no personal data: it stays encrypted in the database).
    cases = Case.objects.for_user(request.user).select_related("assignee").only(*QUEUE_FIELDS)
    if form.is_valid():
        cases = form.filter(cases, request.user, now)
    else:
        cases = cases.filter(status__in=OPEN_STATUSES)
    cases = most_urgent_first(cases)
    page = CappedPaginator(cases, PAGE_SIZE, cap=QUEUE_COUNT_CAP).get_page(request.GET.get("page"))
    rows = _queue_rows(page.object_list, now)
    can_assign = request.user.role in actions.CASE_WORKERS
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "complaints/workbench.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "rows_html": _rows_html(rows, choosable=can_assign),
            "query": query.urlencode(),
            "bulk_form": BulkAssignForm(user=request.user) if can_assign else None,
        },
    )


@login_required
@require_POST
def bulk_assign(request):
    _staff_only(request.user)
    form = BulkAssignForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, _("Choose cases, a person and a reason."))
        return redirect("complaints:workbench")
    done, refused = 0, 0
    for case in form.cleaned_data["cases"]:
        try:
            actions.assign(
                case,
                by=request.user,
                assignee=form.cleaned_data["assignee"],
                reason=form.cleaned_data["reason"],
                ip=client_ip(request),
            )
            done += 1
        except ActionError:
            refused += 1
    person = form.cleaned_data["assignee"].display_name
    said = [
        ngettext(
            "%(count)d case assigned to %(person)s.",
            "%(count)d cases assigned to %(person)s.",
            done,
        )
        % {"count": done, "person": person}
    ]
    if refused:
        said.append(
            ngettext(
                "%(count)d case could not be assigned and is left as it was.",
                "%(count)d cases could not be assigned and are left as they were.",
                refused,
            )
            % {"count": refused}
        )
    messages.success(request, " ".join(said))
    return redirect("complaints:workbench")


def _forms(request, case, data=None):
    user = request.user
    template = ReplyTemplate.objects.filter(pk=request.GET.get("template") or 0).first()
    reply_initial = {"body": template.body_in(case.preferred_language)} if template else None
    return {
        "assign": AssignForm(
            data,
            user=user,
            prefix="assign",
            initial={"queue": case.queue_id, "assignee": case.assignee_id},
        ),
        "status": StatusForm(data, case=case, prefix="status"),
        "reply": ReplyForm(data, prefix="reply", initial=reply_initial),
        "note": NoteForm(data, prefix="note"),
        "close": ReasonForm(data, prefix="close"),
        "forward": ReasonForm(data, prefix="forward"),
        "duplicate": DuplicateForm(data, user=user, prefix="duplicate"),
    }


def _run(request, case, name, form) -> str:
    """Carry out the action the officer chose, with the form that goes with it; say what
    was done."""
    data, by, ip = form.cleaned_data, request.user, client_ip(request)
    if name == "assign":
        actions.assign(
            case,
            by=by,
            queue=data["queue"],
            assignee=data["assignee"],
            reason=data["reason"],
            ip=ip,
        )
        if data["assignee"]:
            return _("The case is assigned to %(person)s.") % {
                "person": data["assignee"].display_name
            }
        return _("The case is sent to the queue “%(queue)s”.") % {"queue": data["queue"]}
    if name == "status":
        visibility = Visibility.PUBLIC if data["public"] else Visibility.STAFF
        actions.change_status(
            case, data["to"], by=by, reason=data["reason"], ip=ip, visibility=visibility
        )
        return _("The case is now “%(status)s”.") % {"status": Status(data["to"]).label}
    if name == "reply":
        actions.reply(case, data["body"], by=by, final=data["final"], ip=ip)
        if data["final"]:
            return _("Your answer is sent to the citizen and the case is answered.")
        return _("Your reply is sent to the citizen.")
    if name == "note":
        actions.add_note(case, data["body"], by=by, visibility=data["visibility"], ip=ip)
        return _("Your note is added to the timeline.")
    if name == "close":
        actions.close(case, by=by, reason=data["reason"], ip=ip)
        return _("The case is closed.")
    if name == "forward":
        actions.forward(case, by=by, reason=data["reason"], ip=ip)
        return _("The case is forwarded outside the ministry.")
    actions.mark_duplicate(case, data["original"], by=by, reason=data["reason"], ip=ip)
    return _("The case is marked as a duplicate of %(number)s.") % {
        "number": data["original"].number_shown
    }


def _identity_hidden(user, case) -> bool:
    """The complainant asked to be kept from the unit complained about: only the centre sees."""
    return case.protect_identity and user.role not in (Role.CENTRAL_OFFICER, Role.SYSTEM_ADMIN)


@login_required
@require_http_methods(["GET", "POST"])
def case_detail(request, number):
    _staff_only(request.user)
    case = get_visible_or_explain(
        Case.objects.for_user(request.user).select_related(
            "category", "governorate", "queue", "assignee", "organization", "duplicate_of"
        ),
        request.user,
        tracking_number=number,
    )
    can_work = request.user.role in actions.CASE_WORKERS
    action = request.POST.get("action")
    forms = _forms(request, case, request.POST if action else None)
    show_identity = False
    if request.method == "POST" and action == "reveal" and not _identity_hidden(request.user, case):
        audit.record(
            "complaints.personal_data_viewed", actor=request.user, obj=case, ip=client_ip(request)
        )
        show_identity = True
    elif request.method == "POST" and can_work and action in forms:
        form = forms[action]
        if form.is_valid():
            try:
                done = _run(request, case, action, form)
            except ActionError as error:
                refuse(form, error)
            else:
                messages.success(request, done)
                return redirect("complaints:case", number=number)
    timeline = case.story()
    return render(
        request,
        "complaints/case.html",
        {
            "case": case,
            "number": format_tracking_number(case.tracking_number),
            "timeline": timeline,
            "forms": forms,
            "can_work": can_work,
            "sla": service_levels.state(case),
            "show_identity": show_identity,
            "identity_hidden": _identity_hidden(request.user, case),
            "templates": [
                {"pk": t.pk, "title": t.title, "text": t.body_in(case.preferred_language)}
                for t in ReplyTemplate.objects.filter(
                    Q(category=case.category) | Q(category__isnull=True)
                )
            ],
            "is_answerable": case.status
            in {Status.ASSIGNED, Status.IN_PROGRESS, Status.REOPENED, Status.WAITING_FOR_CITIZEN},
        },
    )


@login_required
def attachment(request, number, pk):
    """Attachments are served only through here: scoped, logged, never from a public folder."""
    _staff_only(request.user)
    case = get_visible_or_explain(
        Case.objects.for_user(request.user), request.user, tracking_number=number
    )
    file = get_object_or_404(case.attachments, pk=pk)
    return uploads.serve(request, file, action="complaints.attachment_opened", obj=case)
