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
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.models import Role
from core.downloads import csv_download
from core.errors import ActionError, refuse
from training import people, reach, results
from training.certificate import render as render_certificate
from training.forms import (
    CheckInForm,
    CloseCohortForm,
    CorrectionForm,
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
    TestResult,
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
    # Those holding a place, and those who completed the course: a certificate does not
    # take anyone off the list.
    enrolled = (
        session.cohort.enrolments.filter(
            status__in=[EnrolmentStatus.ENROLLED, EnrolmentStatus.COMPLETED]
        )
        .select_related("trainee", "certificate")
        .order_by("pk")
    )
    groups = session.cohort.course.target_groups
    check_in = CheckInForm(
        request.POST if request.POST.get("form") == "check_in" else None,
        initial={"target_group": groups[0] if groups else None},  # the course's own people
    )
    if request.method == "POST" and request.POST.get("form") == "roster":
        return _roster_sent(request, session, enrolled.filter(status=EnrolmentStatus.ENROLLED))
    if request.method == "POST" and check_in.is_valid():
        data = check_in.cleaned_data
        trainee, created = people.register(
            by=request.user,
            national_id=data["national_id"],
            name=data["name"],
            phone=data["phone"],
            sex=data["sex"],
            birth_year=data.get("birth_year"),
            target_group=data["target_group"],
            governorate=session.cohort.governorate or data["governorate"],
        )
        try:
            enrolment = people.enrol(session.cohort, trainee, by=request.user)
        except ActionError as error:
            messages.error(request, error.message)
            return redirect("training:roster", pk=session.pk)
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
    day = timezone.localtime(session.starts_at).date()
    return render(
        request,
        "training/roster.html",
        {
            "session": session,
            "enrolled": enrolled,
            "present": present,
            "key": get_random_string(32),
            "check_in": check_in,
            "future": day > timezone.localdate(),
            "closed": session.cohort.is_closed,
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
    said = (
        ngettext(
            "Attendance of session %(session)s saved: %(count)d present.",
            "Attendance of session %(session)s saved: %(count)d present.",
            sum(marks.values()),
        )
        % {"session": session.position, "count": sum(marks.values())}
        if recorded
        else _("This roster had already been received.")
    )
    # Said on the page the phone shows next, whether it sent the roster now or later.
    messages.success(request, said)
    if wants_json:
        return JsonResponse({"recorded": recorded, "present": sum(marks.values())})
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
    taken = enrolment.tests.filter(kind=kind).first()
    if taken is None:
        form = TestForm(request.POST or None, questions=questions)
    else:  # taken already: what is shown is a correction, with its reason
        answered = {f"q{pk}": choice for pk, choice in taken.answers.items()}
        form = CorrectionForm(request.POST or None, questions=questions, initial=answered)
    if request.method == "POST" and form.is_valid():
        try:
            if taken is None:
                result = results.take_test(enrolment, kind, form.answers(), by=request.user)
                said = _("%(name)s scored %(score)s%%.")
            else:
                result = results.correct_test(
                    taken, form.answers(), by=request.user, reason=form.cleaned_data["reason"]
                )
                said = _("The result of %(name)s is corrected: %(score)s%%.")
        except ActionError as error:
            refuse(form, error)
        else:
            messages.success(
                request, said % {"name": enrolment.trainee.name, "score": result.score}
            )
            return redirect("training:cohort", pk=enrolment.cohort_id)
    return render(
        request,
        "training/test.html",
        {"enrolment": enrolment, "form": form, "kind": TestKind(kind), "taken": taken},
    )


def _own_cohort(request, pk) -> Cohort:
    _trainer_only(request.user)
    return get_object_or_404(
        Cohort.objects.select_related("course", "governorate"), pk=pk, trainer=request.user
    )


@login_required
def cohort_page(request, pk):
    """A trainer's cohort: its sessions, its people and how each stands, the certificates
    issued, and the way to close it."""
    cohort = _own_cohort(request, pk)
    today = timezone.localdate()
    sessions = [
        (session, timezone.localtime(session.starts_at).date() > today)
        for session in cohort.sessions.all()
    ]
    certificates = Certificate.objects.filter(enrolment__cohort=cohort).select_related(
        "enrolment__trainee"
    )
    return render(
        request,
        "training/cohort.html",
        {
            "cohort": cohort,
            "sessions": sessions,
            "people": [] if cohort.is_closed else _people(cohort),
            "certificates": certificates.order_by("enrolment__trainee__name"),
        },
    )


def _people(cohort) -> list[dict]:
    """How each person stands, with their tests before and after (to take or correct)."""
    tests: dict[int, dict] = {}
    for test in TestResult.objects.filter(enrolment__cohort=cohort):
        tests.setdefault(test.enrolment_id, {})[test.kind] = test
    return [
        {"standing": standing, **tests.get(standing.enrolment.pk, {})}
        for standing in results.standings(cohort)
    ]


@login_required
def complete_cohort(request, pk):
    """Closing a cohort is asked for first: who will get a certificate, who will not and
    why; before the last session only with a reason. It happens once."""
    cohort = _own_cohort(request, pk)
    if cohort.is_closed:
        messages.info(
            request,
            _("This cohort was closed on %(date)s; its certificates are listed here.")
            % {"date": date_format(timezone.localtime(cohort.closed_at), "DATE_FORMAT")},
        )
        return redirect("training:cohort", pk=cohort.pk)
    to_come = results.sessions_to_come(cohort)
    form = CloseCohortForm(request.POST if request.method == "POST" else None, early=bool(to_come))
    if request.method == "POST" and form.is_valid():
        try:
            issued = results.complete(
                cohort, by=request.user, reason=form.cleaned_data.get("reason", "")
            )
        except ActionError as error:
            refuse(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "The cohort is closed: %(count)d certificate issued.",
                    "The cohort is closed: %(count)d certificates issued.",
                    len(issued),
                )
                % {"count": len(issued)},
            )
            return redirect("training:cohort", pk=cohort.pk)
    standings = results.standings(cohort)
    return render(
        request,
        "training/close_cohort.html",
        {
            "cohort": cohort,
            "form": form,
            "to_come": to_come,
            "qualifying": [s for s in standings if s.qualifies],
            "not_qualifying": [s for s in standings if not s.qualifies],
        },
    )


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
    running = Cohort.objects.filter(
        ends_on__gte=timezone.localdate(), closed_at__isnull=True
    ).select_related("course")
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
        trainee, created = people.register(
            by=request.user,
            national_id=data["national_id"],
            name=data["name"],
            sex=data["sex"],
            birth_year=data["birth_year"],
            target_group=TargetGroup.ASSOCIATION_STAFF,
            governorate_id=organization.governorate_id,
            organization=organization,
        )
        messages.success(
            request,
            (
                _("%(name)s is registered: you can enrol them in a course.")
                if created
                else _("%(name)s was already registered: you can enrol them in a course.")
            )
            % {"name": trainee.name},
        )
        return redirect("training:staff")
    if request.method == "POST" and action == "enrol" and enrol_form.is_valid():
        cohort, trainee = enrol_form.cleaned_data["cohort"], enrol_form.cleaned_data["trainee"]
        try:
            enrolment = people.enrol(cohort, trainee, by=request.user)
        except ActionError as error:
            enrol_form.add_error("cohort", error.message)
        else:
            said = (
                _("%(name)s is enrolled in %(course)s.")
                if enrolment.status == EnrolmentStatus.ENROLLED
                else _("%(course)s is full: %(name)s is on its waiting list.")
            )
            messages.success(request, said % {"name": trainee.name, "course": cohort.course})
            return redirect("training:staff")
    return render(
        request,
        "training/staff.html",
        {
            "organization": organization,
            "members": members.prefetch_related("enrolments__cohort__course"),
            "register_form": register_form,
            "enrol_form": enrol_form,
            "has_cohorts": open_cohorts.exists(),
            "has_staff": members.exists(),
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
