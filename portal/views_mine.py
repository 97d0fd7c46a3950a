"""A person's own space: their cases, applications and certificates. Signing in is
optional for everything else; tracking a case with its number and code still works."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from complaints.tracking import format_tracking_number
from complaints.views_public import case_story, citizen_action
from core.audit import client_ip
from core.pagination import CappedPaginator
from core.rate_limits import limit_posts
from portal import mine
from portal.forms import AddCaseForm, AddCertificateForm

CASES_PER_PAGE = 20


def _rate() -> str:
    return settings.PUBLIC_FORM_RATE


@login_required
@limit_posts("my-space", _rate)
@require_http_methods(["GET", "POST"])
def my_space(request):
    user, ip = request.user, client_ip(request)
    case_form = AddCaseForm(request.POST if "case-number" in request.POST else None)
    certificate_form = AddCertificateForm(
        request.POST if "certificate-code" in request.POST else None
    )
    try:
        if case_form.is_valid():
            data = case_form.cleaned_data
            case = mine.add_case(user, data["number"], data["token"], ip=ip)
            number = format_tracking_number(case.tracking_number)
            messages.success(
                request, _("Case %(number)s is now in your space.") % {"number": number}
            )
            return redirect("portal:mine")
        if certificate_form.is_valid():
            data = certificate_form.cleaned_data
            certificate = mine.add_certificate(user, data["code"], data["national_id"], ip=ip)
            messages.success(
                request,
                _("Certificate %(code)s is now in your space.") % {"code": certificate.code},
            )
            return redirect("portal:mine")
    except mine.NotFound as error:
        (case_form if case_form.is_bound else certificate_form).add_error(None, str(error))
    context = {
        "cases": CappedPaginator(mine.cases(user), CASES_PER_PAGE).get_page(
            request.GET.get("page")
        ),
        "licence_applications": mine.licence_applications(user)[:20],
        "fund_applications": mine.fund_applications(user)[:20],
        "certificates": mine.certificates(user),
        "case_form": case_form,
        "certificate_form": certificate_form,
    }
    return render(request, "portal/mine.html", context)


@login_required
@limit_posts("my-space", _rate)
@require_http_methods(["GET", "POST"])
def my_case(request, number):
    """One of the person's cases as the tracking page shows it, rated or reopened here
    without the code."""
    case = get_object_or_404(mine.cases(request.user), tracking_number=number)
    refused = {}
    if request.method == "POST" and "action" in request.POST:
        refused = citizen_action(request, case)
        if not refused:
            return redirect("portal:my_case", number=number)
    return render(request, "portal/my_case.html", {"case": case, **case_story(case), **refused})
