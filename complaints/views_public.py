"""The citizen's pages: file a case, see it received, track it, rate or reopen it."""

import secrets

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from complaints import actions
from complaints.forms import CaseForm, RatingForm, ReopenForm, TrackForm
from complaints.models import (
    MAX_ATTACHMENTS,
    OPEN_STATUSES,
    Case,
    Channel,
    Status,
    Visibility,
)
from complaints.tracking import (
    TooManyTries,
    format_code,
    format_tracking_number,
    too_many_tries_message,
)
from core import uploads
from core.audit import client_ip
from core.errors import ActionError, refuse
from core.rate_limits import limit_posts

# The number and secret code travel to the "received" page in a signed cookie of the
# citizen's own browser, not a server session: filing a case needs no session row.
RECEIPT_COOKIE = "sanad_receipt"
RECEIPT_SALT = "complaints.receipt"
RECEIPT_SECONDS = 15 * 60


def _rate() -> str:
    return settings.PUBLIC_FORM_RATE


def _channel_for(user) -> Channel:
    if user.is_authenticated and user.role == "organization_member":
        return Channel.ORGANIZATION
    if user.is_authenticated and user.role in actions.CASE_WORKERS:
        return Channel.STAFF
    return Channel.WEB


@limit_posts("complaints", _rate)
@require_http_methods(["GET", "POST"])
def new_case(request):
    form = CaseForm(
        request.POST or None,
        request.FILES or None,
        staff_entry=_channel_for(request.user) == Channel.STAFF,
        initial={"submission_key": secrets.token_urlsafe(24)},
    )
    hold_key = _hold_key(form)
    if request.method == "POST" and form.is_valid():
        _with_held_attachments(request, form, hold_key)
    elif request.method == "POST" and form.cleaned_data.get("attachments"):
        # Refused for something else: the files are kept, not chosen again.
        uploads.hold(hold_key, form.cleaned_data["attachments"])
    if request.method == "POST" and form.is_valid():
        by = request.user if request.user.is_authenticated else None
        key = form.cleaned_data["submission_key"]
        try:
            submitted = actions.submit_case(
                actions.CaseInput(**form.case_fields()),
                channel=_channel_for(request.user),
                by=by,
                idempotency_key=f"web:{key}" if key else None,
                ip=client_ip(request),
            )
        except ActionError as error:
            refuse(form, error)
        else:
            response = redirect("complaints:submitted")
            if submitted.created:
                response.set_signed_cookie(
                    RECEIPT_COOKIE,
                    f"{submitted.case.tracking_number}:{submitted.token}",
                    salt=RECEIPT_SALT,
                    max_age=RECEIPT_SECONDS,
                    path=response.url,
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite="Lax",
                )
            return response
    return render(
        request, "complaints/new_case.html", {"form": form, "held": uploads.held(hold_key)}
    )


def _hold_key(form) -> str:
    """Where the files of a refused form wait: the form's own unguessable key."""
    key = str(form["submission_key"].value() or "")[:64]
    return f"complaints:{key}" if len(key) >= 20 else ""


def _with_held_attachments(request, form, hold_key) -> None:
    """The files kept from a refused try join those sent now (but those removed). Only a
    form that showed kept files looks for them: a first try costs no query."""
    if "has_held" not in request.POST:
        return
    drop = frozenset(int(pk) for pk in request.POST.getlist("drop_held") if pk.isdigit())
    waiting = [stored for stored in uploads.held(hold_key) if stored.pk not in drop]
    if len(waiting) + len(form.cleaned_data["attachments"]) > MAX_ATTACHMENTS:
        form.add_error(
            "attachments",
            ngettext(
                "Attach at most %(count)d file.", "Attach at most %(count)d files.", MAX_ATTACHMENTS
            )
            % {"count": MAX_ATTACHMENTS},
        )
        return
    kept = uploads.take_held(hold_key, drop=drop) if hold_key else []
    form.cleaned_data["attachments"] = [*kept, *form.cleaned_data["attachments"]]


def submitted(request):
    """Shown once after filing: the number and the secret code, which is not stored."""
    receipt = request.get_signed_cookie(
        RECEIPT_COOKIE, default="", salt=RECEIPT_SALT, max_age=RECEIPT_SECONDS
    )
    number, _sep, token = receipt.partition(":")
    case = Case.objects.select_related("queue").filter(tracking_number=number).first()
    if case is None:
        messages.info(request, _("Your case was received. Use its number and code to track it."))
        return redirect("complaints:track")
    return render(
        request,
        "complaints/submitted.html",
        {
            "case": case,
            "number": format_tracking_number(case.tracking_number),
            "token": format_code(token),
        },
    )


def _tracked_case(form) -> Case | None:
    number, token = form.cleaned_data["number"], form.cleaned_data["token"]
    try:
        case = Case.objects.select_related("category").with_code(number, token)
    except TooManyTries:
        form.add_error("token", too_many_tries_message())
        return None
    if case is None:
        form.add_error(None, _("No case matches this number and code."))
    return case


@limit_posts("complaints", _rate)
@require_http_methods(["GET", "POST"])
def track(request):
    """Status, dates and public replies; never personal data, never staff notes."""
    form = TrackForm(request.POST or None)
    case, refused = None, {}
    if request.method == "POST" and form.is_valid():
        case = _tracked_case(form)
        if case is not None and "action" in request.POST:
            refused = citizen_action(request, case)
            case.refresh_from_db()
    context = {"form": form, "case": case}
    if case is not None:
        context.update(case_story(case), **refused)
        context["token"] = form.cleaned_data["token"]
    return render(request, "complaints/track.html", context)


# The statuses in which the citizen still waits for the ministry's answer.
AWAITING_REPLY = OPEN_STATUSES - {Status.ANSWERED}


def case_story(case: Case) -> dict:
    """What the citizen sees of their case, and what they may do next (rate, reopen)."""
    timeline = case.story(Visibility.PUBLIC)
    waiting = case.status == Status.WAITING_FOR_CITIZEN
    return {
        "number": format_tracking_number(case.tracking_number),
        "timeline": timeline,
        "reply_due": case.resolution_due if case.status in AWAITING_REPLY else None,
        "paused_since": case.waiting_since if waiting else None,
        "pause_reason": _pause_reason(timeline) if waiting else "",
        "can_rate": case.status in (Status.ANSWERED, Status.CLOSED) and not case.satisfaction,
        "can_reopen": case.status in (Status.ANSWERED, Status.CLOSED),
        "rating_form": RatingForm(),
        "reopen_form": ReopenForm(),
    }


def _pause_reason(timeline) -> str:
    """What the staff told the citizen when they stopped the clock, if they told it."""
    for entry in reversed(timeline):
        if entry.to_status == Status.WAITING_FOR_CITIZEN:
            return entry.body
    return ""


def citizen_action(request, case: Case) -> dict:
    """Rate or reopen, as the citizen: from the tracking page with the code, or from their
    own space signed in. Returns the form to show again, with its errors, if refused."""
    action = request.POST["action"]
    form = RatingForm(request.POST) if action == "rate" else ReopenForm(request.POST)
    if not form.is_valid():
        return {"rating_form" if action == "rate" else "reopen_form": form}
    try:
        if action == "rate":
            actions.rate(case, form.cleaned_data["score"], ip=client_ip(request))
            messages.success(request, _("Thank you: your rating is saved."))
        else:
            actions.reopen_by_citizen(
                case, reason=form.cleaned_data["reason"], ip=client_ip(request)
            )
            messages.success(request, _("Your case is reopened and back with the staff."))
    except ActionError as error:
        messages.error(request, error.message)
    return {}
