"""The citizen's pages: file a case, see it received, track it, rate or reopen it."""

import secrets

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from complaints import actions
from complaints.forms import CaseForm, RatingForm, ReopenForm, TrackForm
from complaints.models import Case, Channel, Status, Visibility
from complaints.tracking import format_tracking_number, tokens_match
from core.audit import client_ip
from core.errors import ActionError
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
            form.add_error(None, error.message)
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
    return render(request, "complaints/new_case.html", {"form": form})


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
            "token": token,
        },
    )


def _tracked_case(form) -> Case | None:
    number, token = form.cleaned_data["number"], form.cleaned_data["token"]
    case = Case.objects.filter(tracking_number=number).select_related("category").first()
    if case is None or not tokens_match(token, case.token_digest):
        form.add_error(None, _("No case matches this number and code."))
        return None
    return case


@limit_posts("complaints", _rate)
@require_http_methods(["GET", "POST"])
def track(request):
    """Status, dates and public replies; never personal data, never staff notes."""
    form = TrackForm(request.POST or None)
    case = None
    if request.method == "POST" and form.is_valid():
        case = _tracked_case(form)
        if case is not None and "action" in request.POST:
            citizen_action(request, case)
            case.refresh_from_db()
    context = {"form": form, "case": case}
    if case is not None:
        context.update(case_story(case))
        context["token"] = form.cleaned_data["token"]
    return render(request, "complaints/track.html", context)


def case_story(case: Case) -> dict:
    """What the citizen sees of their case, and what they may do next (rate, reopen)."""
    return {
        "number": format_tracking_number(case.tracking_number),
        "timeline": case.story(Visibility.PUBLIC),
        "can_rate": case.status in (Status.ANSWERED, Status.CLOSED) and not case.satisfaction,
        "can_reopen": case.status in (Status.ANSWERED, Status.CLOSED),
        "rating_form": RatingForm(),
        "reopen_form": ReopenForm(),
    }


def citizen_action(request, case: Case) -> None:
    """Rate or reopen, as the citizen: from the tracking page with the code, or from their
    own space signed in."""
    action = request.POST["action"]
    try:
        if action == "rate":
            rating = RatingForm(request.POST)
            if rating.is_valid():
                actions.rate(case, rating.cleaned_data["score"], ip=client_ip(request))
                messages.success(request, _("Thank you for your rating."))
        elif action == "reopen":
            reopen = ReopenForm(request.POST)
            if reopen.is_valid():
                actions.reopen_by_citizen(
                    case, reason=reopen.cleaned_data["reason"], ip=client_ip(request)
                )
                messages.success(request, _("Your case is reopened and back with the staff."))
            else:
                messages.error(request, _("Tell us what is still wrong."))
    except ActionError as error:
        messages.error(request, error.message)
