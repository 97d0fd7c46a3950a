"""The triage's pages: the review queue for officers, and the model card."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from complaints.actions import CASE_READERS, CASE_WORKERS
from complaints.models import Case
from complaints.reference import all_categories
from triage import registry, review
from triage.forms import SettleForm
from triage.models import Label, ModelVersion, Proposal, ReviewState

STATES = {
    "waiting": [ReviewState.WAITING],
    "applied": [ReviewState.APPLIED],
    "settled": [ReviewState.CONFIRMED, ReviewState.CORRECTED],
}


def _readers_only(user) -> None:
    if user.role not in CASE_READERS:
        raise PermissionDenied


@login_required
def queue(request):
    """Proposals a person should look at, possibly critical ones first, then the oldest."""
    _readers_only(request.user)
    shown = request.GET.get("state") if request.GET.get("state") in STATES else "waiting"
    proposals = (
        Proposal.objects.filter(
            state__in=STATES[shown], case__in=Case.objects.for_user(request.user)
        )
        .select_related("case", "version", "possible_duplicate")
        .order_by("-possibly_critical", "created_at")
    )
    page = Paginator(proposals, 20).get_page(request.GET.get("page"))
    rows = [
        {
            "proposal": proposal,
            "form": SettleForm(
                initial={"category": proposal.category_code, "urgency": proposal.urgency},
                prefix=f"p{proposal.pk}",
            ),
        }
        for proposal in page.object_list
    ]
    return render(
        request,
        "triage/queue.html",
        {
            "page": page,
            "rows": rows,
            "shown": shown,
            "query": f"state={shown}",
            "can_act": request.user.role in CASE_WORKERS,
        },
    )


@login_required
@require_POST
def settle(request, pk):
    if request.user.role not in CASE_WORKERS:
        raise PermissionDenied
    proposal = get_object_or_404(
        Proposal.objects.filter(case__in=Case.objects.for_user(request.user)), pk=pk
    )
    form = SettleForm(request.POST, prefix=f"p{proposal.pk}")
    if not form.is_valid():
        messages.error(request, _("Choose a category and an urgency."))
    else:
        label = review.settle(
            proposal,
            category=form.cleaned_data["category"],
            urgency=form.cleaned_data["urgency"],
            by=request.user,
        )
        messages.success(
            request,
            (
                _("Corrected: case %(number)s is now “%(category)s”; the next model learns it.")
                if label.corrected
                else _("Confirmed: case %(number)s stays “%(category)s”.")
            )
            % {"number": proposal.case.number_shown, "category": form.cleaned_data["category"]},
        )
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = "triage:queue"
    return redirect(back)


def _share(part: int, whole: int) -> int | None:
    """``part`` of ``whole`` in whole percent (None of nothing)."""
    return round(100 * part / whole) if whole else None


@login_required
def model_card(request):
    """What the model is for, what it learned from, how good it is and where it fails."""
    _readers_only(request.user)
    version, model = registry.active()
    since = timezone.now() - timedelta(days=30)
    reviewed = Label.objects.filter(at__gte=since)
    month = reviewed.aggregate(total=Count("pk"), corrected=Count("pk", filter=Q(corrected=True)))
    by_governorate = [
        {**row, "agreement": _share(row["total"] - row["corrected"], row["total"])}
        for row in Label.objects.filter(at__gte=since)
        .values("case__governorate__name_ar", "case__governorate__name_en")
        .annotate(total=Count("pk"), corrected=Count("pk", filter=Q(corrected=True)))
        .order_by("case__governorate__code")
    ]
    proposals_month = Proposal.objects.filter(created_at__gte=since).count()
    categories = all_categories()
    metrics = version.metrics or {}
    return render(
        request,
        "triage/model_card.html",
        {
            "version": version,
            "versions": ModelVersion.objects.all()[:10],
            "metrics": metrics,
            "per_class": [
                {"label": categories.get(code, code), **scores}
                for code, scores in (metrics.get("per_class") or {}).items()
            ],
            "month": month,
            "by_governorate": by_governorate,
            "threshold": model.critical_threshold,
            "proposals_month": proposals_month,
            "overridden_share": _share(month["corrected"], proposals_month),
        },
    )
