"""The trainer's pages: their cohorts, and each session's roster, marked on a phone that
may lose its connection (the page keeps the marks until they are sent)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import Role
from core.downloads import csv_download
from core.errors import ActionError
from training import people, reach, results
from training.certificate import render as render_certificate
from training.forms import (
    CheckInForm,
    EnrolStaffForm,
    JoinForm,
    PeriodForm,
    StaffForm,
    TestForm,
)
from training.models import (
    Certificate,
    Cohort,
    Course,
    Enrolment,
    EnrolmentStatus,
    Session,
    TargetGroup,
    TestKind,
    Trainee,
)


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
    groups = session.cohort.course.target_groups
    check_in = CheckInForm(
        request.POST if request.POST.get("form") == "check_in" else None,
        initial={"target_group": groups[0] if groups else None},  # the course's own people
    )
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


def _own_enrolment(request, pk) -> Enrolment:
    _trainer_only(request.user)
    return get_object_or_404(
        Enrolment.objects.select_related("cohort__course", "trainee"),
        pk=pk,
        cohort__trainer=request.user,
    )


@login_required
def test_page(request, pk, kind):
    """The test before or after the course, taken on the trainer's tablet if need be."""
    enrolment = _own_enrolment(request, pk)
    if kind not in TestKind.values:
        raise Http404
    questions = results.questions_for(enrolment)
    form = TestForm(request.POST or None, questions=questions)
    if request.method == "POST" and form.is_valid():
        try:
            result = results.take_test(enrolment, kind, form.answers(), by=request.user)
        except ActionError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Score: %(score)s%%.") % {"score": result.score})
            session = enrolment.cohort.sessions.first()
            return (
                redirect("training:roster", pk=session.pk)
                if session
                else redirect("training:my_cohorts")
            )
    return render(
        request,
        "training/test.html",
        {"enrolment": enrolment, "form": form, "kind": TestKind(kind)},
    )


@login_required
@require_POST
def complete_cohort(request, pk):
    _trainer_only(request.user)
    cohort = get_object_or_404(Cohort, pk=pk, trainer=request.user)
    issued = results.complete(cohort, by=request.user)
    messages.success(request, _("%(count)s certificates issued.") % {"count": len(issued)})
    return redirect("training:my_cohorts")


def verify(request, code):
    """Where a certificate's QR code leads: who, which course, and whether it stands."""
    certificate = (
        Certificate.objects.select_related("enrolment__trainee", "enrolment__cohort__course")
        .filter(code=code.strip().upper())
        .first()
    )
    if certificate is None:
        return render(request, "training/unknown.html", {"code": code}, status=404)
    return render(request, "training/verify.html", {"certificate": certificate})


def certificate_pdf(request, code):
    certificate = get_object_or_404(
        Certificate.objects.select_related("enrolment__trainee", "enrolment__cohort__course"),
        code=code.strip().upper(),
        revoked_at__isnull=True,
    )
    url = settings.SITE_URL + reverse("training:verify", args=[certificate.code])
    response = HttpResponse(render_certificate(certificate, url), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-{certificate.code}.pdf"'
    return response


REACH_READERS = (Role.CENTRAL_OFFICER, Role.DIRECTORATE_OFFICER, Role.SYSTEM_ADMIN, Role.AUDITOR)


@login_required
def dashboard(request):
    """Reach and results, for the ministry (a directorate sees its governorate)."""
    if request.user.role not in REACH_READERS:
        raise PermissionDenied
    enrolments, cohorts = Enrolment.objects.all(), Cohort.objects.all()
    if request.user.role == Role.DIRECTORATE_OFFICER:
        enrolments = enrolments.filter(governorate_id=request.user.governorate_id)
        cohorts = cohorts.filter(governorate_id=request.user.governorate_id)
    form = PeriodForm(request.GET or None)
    start = end = None
    if form.is_valid():
        start, end = form.cleaned_data["start"], form.cleaned_data["end"]
    data = reach.figures(enrolments, start, end)
    if request.GET.get("format") == "csv":
        return csv_download(
            "sanad-training-reach.csv",
            ["dimension", "value", "enrolled", "completed"],
            reach.csv_rows(data),
        )
    gains = {
        course.pk: results.learning_gain(enrolments.filter(course=course))
        for course in Course.objects.filter(pk__in=[row["key"] for row in data["course"]])
    }
    for row in data["course"]:
        row["gain"] = gains.get(row["key"])
    query = request.GET.copy()
    query["format"] = "csv"
    return render(
        request,
        "training/dashboard.html",
        {
            "data": data,
            "form": form,
            "trainers": reach.trainers_load(cohorts),
            "csv_query": query.urlencode(),
        },
    )


def _administered(user):
    """The organizations the person administers (staff training is theirs to manage)."""
    from registry.models import Organization, OrganizationRole

    if user.role != Role.ORGANIZATION_MEMBER:
        raise PermissionDenied
    return Organization.objects.filter(
        memberships__user=user, memberships__role=OrganizationRole.ADMINISTRATOR
    )


@login_required
def staff(request):
    """An organization's administrator: its staff's training, and enrolling them."""
    organizations = list(_administered(request.user))
    if not organizations:
        raise PermissionDenied
    organization = organizations[0]
    members = Trainee.objects.filter(organization__in=organizations, merged_into=None)
    running = Cohort.objects.filter(ends_on__gte=timezone.localdate()).select_related("course")
    # Courses for association staff (a JSON list: filtered here, alike on both databases).
    open_cohorts = Cohort.objects.filter(
        pk__in=[c.pk for c in running if TargetGroup.ASSOCIATION_STAFF in c.course.target_groups]
    ).select_related("course")
    action = request.POST.get("form")
    register_form = StaffForm(request.POST if action == "register" else None)
    enrol_form = EnrolStaffForm(
        request.POST if action == "enrol" else None, staff=members, cohorts=open_cohorts
    )
    if request.method == "POST" and action == "register" and register_form.is_valid():
        data = register_form.cleaned_data
        people.register(
            by=request.user,
            national_id=data["national_id"],
            name=data["name"],
            sex=data["sex"],
            birth_year=data["birth_year"],
            target_group=TargetGroup.ASSOCIATION_STAFF,
            governorate_id=organization.governorate_id,
            organization=organization,
        )
        messages.success(request, _("Registered."))
        return redirect("training:staff")
    if request.method == "POST" and action == "enrol" and enrol_form.is_valid():
        enrolment = people.enrol(
            enrol_form.cleaned_data["cohort"], enrol_form.cleaned_data["trainee"], by=request.user
        )
        messages.success(request, enrolment.get_status_display())
        return redirect("training:staff")
    return render(
        request,
        "training/staff.html",
        {
            "organization": organization,
            "members": members.prefetch_related("enrolments__cohort__course"),
            "register_form": register_form,
            "enrol_form": enrol_form,
        },
    )


PUBLIC_REACH_SECONDS = 600


def public_reach(request):
    """How many people the training reached, for anyone; small counts are not shown."""
    language = request.LANGUAGE_CODE
    data = cache.get_or_set(
        f"training:public-reach:{language}",
        lambda: reach.for_the_public(reach.figures(Enrolment.objects.all())),
        PUBLIC_REACH_SECONDS,
    )
    context = {"data": data, "smallest": reach.SMALLEST_SHOWN}
    return render(request, "training/reach.html", context)


def open_courses(request):
    """Cohorts anyone may join, not yet over, with the places left."""
    cohorts = (
        Cohort.objects.filter(self_enrolment=True, ends_on__gte=timezone.localdate())
        .select_related("course", "governorate")
        .order_by("starts_on")
    )
    return render(request, "training/open_courses.html", {"cohorts": cohorts})


@login_required
def join(request, pk):
    cohort = get_object_or_404(
        Cohort.objects.select_related("course"),
        pk=pk,
        self_enrolment=True,
        ends_on__gte=timezone.localdate(),
    )
    form = JoinForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        trainee, _created = people.register(
            by=request.user,
            national_id=data["national_id"],
            name=data["name"],
            sex=data["sex"],
            birth_year=data["birth_year"],
            target_group=data["target_group"],
            governorate_id=cohort.governorate_id or request.user.governorate_id or "01",
        )
        enrolment = people.enrol(cohort, trainee, by=request.user)
        messages.success(
            request,
            _("You are enrolled.")
            if enrolment.status == EnrolmentStatus.ENROLLED
            else _("The cohort is full: you are on the waiting list."),
        )
        return redirect("training:open_courses")
    return render(request, "training/join.html", {"cohort": cohort, "form": form})
