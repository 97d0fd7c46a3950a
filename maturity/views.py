"""Digital maturity: an organization answers, sees its profile against its peers and what
to learn next; the ministry sees the national picture."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from maturity import assessment
from maturity.forms import AssessmentForm
from maturity.models import Dimension
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
    organization = _organization(request, pk, assessment.may_answer)
    dimensions = Dimension.objects.prefetch_related("statements")
    form = AssessmentForm(request.POST or None, dimensions=dimensions)
    if request.method == "POST" and form.is_valid():
        assessment.submit(organization, form.ratings(), by=request.user)
        messages.success(request, _("Thank you: your profile is up to date."))
        return redirect("maturity:profile", pk=organization.pk)
    return render(request, "maturity/answer.html", {"organization": organization, "form": form})


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
