"""Public pages of results: the dashboard, each indicator, and the open data."""

from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from core.downloads import csv_download
from fund.models import Grant
from impact import dashboard, iati, opendata, rollup
from impact.models import Indicator, Value, Verification
from impact.results import READERS, gaps
from impact.rollup import figures


def _csv_or_page(request, tables, template, context):
    if request.GET.get("format") == "csv":
        rows = (row for table in tables for row in table.csv_rows())
        return csv_download("sanad-impact-figures.csv", dashboard.CSV_HEADER, rows)
    query = request.GET.copy()
    query["format"] = "csv"
    context |= {"tables": tables, "csv_query": query.urlencode(), "built_at": rollup.built_at()}
    return render(request, template, context)


def overview(request):
    """What every indicator shows, and one indicator's map of the governorates."""
    form = dashboard.DashboardForm(request.GET or None)
    scope = form.scope()
    indicators = dashboard.library()
    table = dashboard.overview(scope, indicators)
    chosen = _chosen(request.GET.get("indicator"), indicators)
    places = dashboard.by_governorate(scope, chosen)
    context = {
        "form": form,
        "overview": table,
        "chosen": chosen,
        "indicators": indicators,
        "places": places,
        "tiles": dashboard.tiles(places),
        "tile_size": (dashboard.TILE_WIDTH, dashboard.TILE_HEIGHT),
        "goals": dashboard.by_goal(scope, indicators, table),
    }
    if request.user.is_authenticated and request.user.role in READERS:
        waiting = Value.objects.filter(status=Verification.REPORTED)
        context["waiting"] = waiting.filter(dimension="").count()
        context["gaps"] = len(gaps(waiting))
    return _csv_or_page(request, [table, places], "impact/overview.html", context)


def _chosen(code, indicators):
    by_code = {indicator.code: indicator for indicator in indicators}
    if code in by_code:
        return by_code[code]
    return next((i for i in indicators if i.counts_people), indicators[0])


def indicator_page(request, code):
    indicator = get_object_or_404(
        Indicator.objects.select_related("numerator", "denominator"), code=code
    )
    form = dashboard.DashboardForm(request.GET or None)
    scope = form.scope()
    total = figures(scope, indicators=dashboard.with_parts(indicator))
    figure = total.get((indicator.pk,))
    places = dashboard.by_governorate(scope, indicator)
    quarters = dashboard.by_quarter(scope, indicator)
    tables = [places, quarters, dashboard.by_source(scope, indicator)]
    tables += [dashboard.by_category(scope, indicator, d) for d in indicator.disaggregations]
    context = {
        "indicator": indicator,
        "form": form,
        "figure": figure,
        "cost": dashboard.cost_per_person(scope, indicator, figure)
        if figure and indicator.counts_people
        else None,
        "tiles": dashboard.tiles(places),
        "tile_size": (dashboard.TILE_WIDTH, dashboard.TILE_HEIGHT),
        "bars": (bars := dashboard.bars(quarters)),
        "bars_height": 28 * len(bars) + 8,
        "sdg_targets": indicator.sdg_targets.all(),
    }
    return _csv_or_page(request, tables, "impact/indicator.html", context)


def open_data(request):
    return render(request, "impact/open_data.html")


def indicators_download(request, fmt):
    if fmt not in ("csv", "json"):
        raise Http404
    rows = opendata.indicator_rows()
    if fmt == "json":
        return JsonResponse({"indicators": rows}, json_dumps_params={"ensure_ascii": False})
    return csv_download(
        "sanad-indicators.csv",
        opendata.INDICATOR_COLUMNS,
        opendata.as_lines(rows, opendata.INDICATOR_COLUMNS),
    )


def results_download(request, fmt):
    """Every verified value, or one grant's (``?grant=``, the 360Giving record links it)."""
    if fmt not in ("csv", "json"):
        raise Http404
    grant = request.GET.get("grant", "")
    grant = int(grant) if grant.isdigit() else None
    if fmt == "json":
        response = StreamingHttpResponse(
            opendata.json_chunks(grant), content_type="application/json; charset=utf-8"
        )
    else:
        response = StreamingHttpResponse(
            opendata.csv_chunks(grant), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="sanad-results.csv"'
    return response


def iati_download(request):
    if not Grant.objects.exists():
        raise Http404(_("No grant has been awarded yet."))
    response = StreamingHttpResponse(iati.chunks(), content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="sanad-iati-activities.xml"'
    return response
