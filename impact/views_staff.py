"""Results frameworks at work: organizations give values with evidence, officers tie the
measures to the library, set targets and verify or reject values."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.models import Role
from core import uploads
from core.errors import ActionError
from core.pagination import CappedPaginator
from fund.models import Grant
from impact import periods, results
from impact.forms import AddMeasureForm, CheckForm, TargetsForm, TieForm, ValuesForm
from impact.models import Evidence, Programme, Value, Verification

WAITING = Count("measures__values", filter=Q(measures__values__status=Verification.REPORTED))


@login_required
def frameworks(request):
    """The grants and programmes a person works on, those with values to check first."""
    user = request.user
    grants = Grant.objects.all()
    if user.role not in results.READERS:
        grants = grants.filter(application__organization__memberships__user=user)
    grants = (
        grants.select_related("application__organization")
        .annotate(waiting=WAITING)
        .order_by("-waiting", "-awarded_on", "pk")
    )
    programmes = Programme.objects.none()
    if user.role in results.READERS:
        programmes = Programme.objects.annotate(waiting=WAITING)
    page = CappedPaginator(grants, 25).get_page(request.GET.get("page"))
    return render(request, "impact/frameworks.html", {"page": page, "programmes": programmes})


@login_required
def grant_framework(request, pk):
    grant = get_object_or_404(Grant.objects.select_related("application__organization"), pk=pk)
    user = request.user
    own = grant.application.organization.memberships.filter(user=user).exists()
    if not own and user.role not in results.READERS:
        raise Http404
    results.ensure_for_grant(grant)
    return _framework(request, grant, grant.measures.all(), grant.application.title)


@login_required
def programme_framework(request, code):
    if request.user.role not in results.READERS:
        raise Http404
    programme = get_object_or_404(Programme, code=code)
    return _framework(request, programme, programme.measures.all(), programme.name)


class FormRefused(ActionError):
    """A form that did not validate, sent back to the page as typed, with its errors."""

    def __init__(self, form, slot: str):
        problems = "; ".join(
            f"{form.fields[name].label if name in form.fields else ''} {' '.join(errors)}".strip()
            for name, errors in form.errors.items()
        )
        super().__init__(results.ResultsError.INVALID, problems)
        self.form, self.slot = form, slot


def _framework(request, owner, measures, title):
    measures = list(
        measures.select_related("indicator__numerator", "indicator__denominator", "governorate")
        .prefetch_related("targets", "values__evidence")
        .order_by("pk")
    )
    if request.method != "POST":
        return _page(request, owner, measures, title)
    action = _add if request.POST.get("action") == "add" else _act
    try:
        return action(request, owner, measures)
    except FormRefused as refused:
        messages.error(request, refused.message)
        return _page(request, owner, measures, title, refused=refused, status=400)


def _page(request, owner, measures, title, *, refused=None, status=200):
    """The framework; a refused form is shown back in its place with what was typed."""
    user = request.user
    quarters = periods.quarters(owner.starts_on, owner.ends_on)
    rows = [_measure_row(user, measure, quarters) for measure in measures]
    may_add = isinstance(owner, Programme) and user.role == Role.CENTRAL_OFFICER
    context = {
        "owner": owner,
        "title": title,
        "rows": rows,
        "gaps": results.gaps(Value.objects.filter(measure__in=measures)),
        "add_form": AddMeasureForm() if may_add else None,
    }
    if refused is not None and refused.slot == "add_form":
        context["add_form"] = refused.form
    elif refused is not None:
        row = next(r for r in rows if str(r["measure"].pk) == request.POST.get("measure"))
        if row[refused.slot] is not None:  # never a form the person was not offered
            row[refused.slot] = refused.form
    return render(request, "impact/framework.html", context, status=status)


def _add(request, programme, measures):
    """A central officer adds an indicator to a programme's framework."""
    if not isinstance(programme, Programme):
        raise Http404
    form = AddMeasureForm(request.POST)
    if not form.is_valid():
        raise FormRefused(form, "add_form")
    try:
        data = form.cleaned_data
        results.programme_measure(
            programme,
            data["indicator"],
            by=request.user,
            outcome=data["outcome"],
            governorate=data["governorate"],
        )
    except ActionError as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Indicator added to the framework."))
    return redirect(request.path)


def _measure_row(user, measure, quarters) -> dict:
    targets = {t.period: t.value for t in measure.targets.all()}
    values = list(measure.values.all())
    dimensions = measure.indicator.disaggregations if measure.indicator else ["sex"]
    computed = bool(measure.indicator and measure.indicator.is_ratio)
    may_plan = results.can_plan(user, measure)
    return {
        "measure": measure,
        "computed": computed,
        "quarters": [
            {
                "period": q,
                "label": periods.label(q),
                "target": targets.get(q),
                "total": next((v for v in values if v.period == q and not v.dimension), None),
                "parts": [v for v in values if v.period == q and v.dimension],
            }
            for q in quarters
        ],
        "may_plan": may_plan,
        "tie_form": TieForm(initial={"indicator": measure.indicator_id}, prefix=f"m{measure.pk}"),
        "targets_form": None
        if computed or not may_plan
        else TargetsForm(quarters=quarters, targets=targets, prefix=f"t{measure.pk}"),
        "values_form": None
        if computed or not results.can_report(user, measure)
        else ValuesForm(quarters=quarters, dimensions=dimensions, prefix=f"v{measure.pk}"),
        "check_form": CheckForm(prefix=f"c{measure.pk}"),
    }


def _act(request, owner, measures):
    """One action posted from the framework page, then back to the page (no double post);
    a form refused raises FormRefused, which shows the page again with it."""
    by_pk = {str(m.pk): m for m in measures}
    measure = by_pk.get(request.POST.get("measure", ""))
    if measure is None:
        raise Http404
    action = request.POST.get("action")
    try:
        done = ACTIONS[action](request, owner, measure)
    except KeyError as missing:
        raise Http404 from missing
    except FormRefused:
        raise
    except ActionError as refused:
        messages.error(request, refused.message)
    else:
        if done:
            messages.success(request, done)
    return redirect(request.path + f"#measure-{measure.pk}")


def _tie(request, owner, measure):
    form = TieForm(request.POST, prefix=f"m{measure.pk}")
    if not form.is_valid():
        raise FormRefused(form, "tie_form")
    results.tie(measure, form.cleaned_data["indicator"], by=request.user)
    return _("The measure now counts under the indicator chosen.")


def _targets(request, owner, measure):
    quarters = periods.quarters(owner.starts_on, owner.ends_on)
    form = TargetsForm(request.POST, quarters=quarters, targets={}, prefix=f"t{measure.pk}")
    if not form.is_valid():
        raise FormRefused(form, "targets_form")
    results.set_targets(measure, form.targets(), by=request.user)
    return _("Targets saved.")


def _values(request, owner, measure):
    quarters = periods.quarters(owner.starts_on, owner.ends_on)
    dimensions = measure.indicator.disaggregations if measure.indicator else ["sex"]
    form = ValuesForm(
        request.POST,
        request.FILES,
        quarters=quarters,
        dimensions=dimensions,
        prefix=f"v{measure.pk}",
    )
    if not form.is_valid():
        raise FormRefused(form, "values_form")
    data = form.cleaned_data
    gaps = results.record(
        measure,
        data["period"],
        by=request.user,
        total=data["total"],
        parts=form.given_parts(),
        note=data["note"],
        evidence=data["evidence"],
    )
    for gap in gaps:
        messages.warning(
            request,
            _("The %(dimension)s categories add up to %(parts)s, not to the total %(total)s.")
            % {"dimension": gap.dimension_label, "parts": gap.parts, "total": gap.total},
        )
    return _("Values saved; they count once verified.")


def _check(request, owner, measure):
    value = get_object_or_404(measure.values, pk=request.POST.get("value"))
    form = CheckForm(request.POST, prefix=f"c{measure.pk}")
    if not form.is_valid():
        # One check form serves every quarter's row: its refusal is said, not shown back.
        raise ActionError(results.ResultsError.INVALID, FormRefused(form, "").message)
    data = form.cleaned_data
    results.check(value, by=request.user, verified=data["verified"], reason=data["reason"])
    return _("Value verified.") if data["verified"] else _("Value rejected.")


ACTIONS = {"tie": _tie, "targets": _targets, "values": _values, "check": _check}


@login_required
def evidence(request, pk):
    stored = get_object_or_404(Evidence.objects.select_related("value__measure"), pk=pk)
    measure = stored.value.measure
    if not results.measures_for(request.user).filter(pk=measure.pk).exists():
        raise Http404
    return uploads.serve(request, stored, action="impact.evidence_opened", obj=measure)
