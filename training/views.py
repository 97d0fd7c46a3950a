"""The trainer's pages: their cohorts, and each session's roster, marked on a phone that
may lose its connection (the page keeps the marks until they are sent)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _

from accounts.models import Role
from core.errors import ActionError
from training import people
from training.forms import CheckInForm
from training.models import Cohort, EnrolmentStatus, Session


def _trainer_only(user) -> None:
    if user.role != Role.TRAINER:
        raise PermissionDenied


@login_required
def my_cohorts(request):
    _trainer_only(request.user)
    cohorts = (
        Cohort.objects.filter(trainer=request.user)
        .select_related("course", "governorate")
        .prefetch_related("sessions")
    )
    return render(request, "training/my_cohorts.html", {"cohorts": cohorts})


@login_required
def roster(request, pk):
    """Tick who is present and send; a key names this sending so a repeat counts once."""
    _trainer_only(request.user)
    session = get_object_or_404(
        Session.objects.select_related("cohort__course"), pk=pk, cohort__trainer=request.user
    )
    enrolled = (
        session.cohort.enrolments.filter(status=EnrolmentStatus.ENROLLED)
        .select_related("trainee")
        .order_by("pk")
    )
    check_in = CheckInForm(request.POST if request.POST.get("form") == "check_in" else None)
    if request.method == "POST" and request.POST.get("form") == "roster":
        return _roster_sent(request, session, enrolled)
    if request.method == "POST" and check_in.is_valid():
        data = check_in.cleaned_data
        trainee, created = people.register(
            by=request.user,
            national_id=data["national_id"],
            name=data["name"],
            phone=data["phone"],
            sex=data["sex"],
            target_group=data["target_group"],
            governorate=session.cohort.governorate or data["governorate"],
        )
        enrolment = people.enrol(session.cohort, trainee, by=request.user)
        messages.success(
            request,
            (
                _("%(name)s was registered and enrolled.")
                if created
                else _("%(name)s was found and enrolled.")
            )
            % {"name": trainee.name}
            if enrolment.status == EnrolmentStatus.ENROLLED
            else _("The cohort is full: %(name)s is on the waiting list.") % {"name": trainee.name},
        )
        return redirect("training:roster", pk=session.pk)
    present = set(session.marks.filter(present=True).values_list("trainee_id", flat=True))
    return render(
        request,
        "training/roster.html",
        {
            "session": session,
            "enrolled": enrolled,
            "present": present,
            "key": get_random_string(32),
            "check_in": check_in,
        },
    )


def _roster_sent(request, session, enrolled):
    ticked = set(request.POST.getlist("present"))
    marks = {e.trainee_id: str(e.trainee_id) in ticked for e in enrolled}
    wants_json = request.headers.get("Accept", "").startswith("application/json")
    try:
        recorded = people.mark_attendance(
            session, marks, by=request.user, key=request.POST.get("key", "")[:64]
        )
    except ActionError as error:
        if wants_json:
            return JsonResponse({"error": error.message}, status=400)
        messages.error(request, error.message)
        return redirect("training:roster", pk=session.pk)
    if wants_json:
        return JsonResponse({"recorded": recorded, "present": sum(marks.values())})
    messages.success(
        request,
        _("Attendance saved.") if recorded else _("This roster had already been received."),
    )
    return redirect("training:roster", pk=session.pk)
