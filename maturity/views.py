"""Digital maturity: an organization answers, one dimension at a time, sees its profile
against its peers and what to learn next; the ministry sees the national picture."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from maturity import assessment
from maturity.forms import AssessmentForm
from maturity.models import Dimension, Rating
from registry.models import Organization


@login_required
def home(request):
    """The organizations a person answers for; for the ministry, the national picture."""
    mine = Organization.objects.filter(memberships__user=request.user).order_by("name_ar")
    national = assessment.national() if request.user.role in assessment.READERS else None
    if not mine and national is None:
        raise Http404
    return render(request, "maturity/home.html", {"mine": mine, "national": national})


def _organization(request, pk, may) -> Organization:
    organization = get_object_or_404(Organization, pk=pk)
    if not may(request.user, organization):
        raise Http404
    return organization


@login_required
def answer(request, pk):
    """Where the questionnaire picks up: the first part not yet answered, or the check."""
    organization = _organization(request, pk, assessment.may_answer)
    draft = assessment.draft_for(organization, request.user)
    missing = assessment.unanswered(draft)
    if missing:
        return redirect("maturity:part", pk=organization.pk, code=missing[0].code)
    return redirect("maturity:check", pk=organization.pk)


@login_required
def answer_part(request, pk, code):
    """One dimension's statements, on a page of its own, with the way through them all."""
    organization = _organization(request, pk, assessment.may_answer)
    dimensions = list(Dimension.objects.prefetch_related("statements"))
    dimension = next((d for d in dimensions if d.code == code), None)
    if dimension is None:
        raise Http404
    draft = assessment.draft_for(organization, request.user)
    initial = {f"s{pk}": rating for pk, rating in draft.ratings.items()}
    form = AssessmentForm(request.POST or None, dimensions=[dimension], initial=initial)
    position = dimensions.index(dimension)
    if request.method == "POST" and form.is_valid():
        assessment.save_part(draft, form.ratings())
        following = dimensions[position + 1] if position + 1 < len(dimensions) else None
        if following is None or "check" in request.POST:
            return redirect("maturity:check", pk=organization.pk)
        return redirect("maturity:part", pk=organization.pk, code=following.code)
    return render(
        request,
        "maturity/answer.html",
        {
            "organization": organization,
            "form": form,
            "dimension": dimension,
            "dimensions": dimensions,
            "number": position + 1,
            "previous": dimensions[position - 1] if position else None,
            "missing": {d.code for d in assessment.unanswered(draft)},
        },
    )


@login_required
def check(request, pk):
    """Every answer before sending, each part with the way back to it."""
    organization = _organization(request, pk, assessment.may_answer)
    draft = assessment.draft_for(organization, request.user)
    missing = assessment.unanswered(draft)
    if request.method == "POST" and not missing:
        assessment.submit_draft(draft, by=request.user)
        messages.success(
            request, _("Thank you: your answers are sent and your profile is up to date.")
        )
        return redirect("maturity:profile", pk=organization.pk)
    labels = dict(Rating.choices)
    parts = [
        {
            "dimension": dimension,
            "answers": [
                (statement, labels.get(draft.ratings.get(str(statement.pk))))
                for statement in dimension.statements.all()
            ],
        }
        for dimension in Dimension.objects.prefetch_related("statements")
    ]
    return render(
        request,
        "maturity/check.html",
        {"organization": organization, "parts": parts, "missing": missing},
    )


@login_required
def profile(request, pk):
    organization = _organization(request, pk, assessment.may_read)
    latest = organization.maturity_assessments.first()
    context = {
        "organization": organization,
        "latest": latest,
        "may_answer": assessment.may_answer(request.user, organization),
        "dimensions": Dimension.objects.all(),
    }
    if latest:
        compared = assessment.peers(organization)
        rows = assessment.profile(latest, compared)
        context |= {
            "level": assessment.level(latest.overall),
            "peers": compared,
            "rows": rows,
            "courses": assessment.recommended_courses(rows),
            "history": assessment.history(organization),
        }
    return render(request, "maturity/profile.html", context)
