"""The public complaint statistics: a page, and the same figures as CSV and JSON."""

import datetime

from django.http import JsonResponse
from django.shortcuts import render

from complaints import statistics
from complaints.models import Category, Channel, Status
from core.downloads import csv_download
from core.i18n import localized
from core.models import Governorate


def _labels() -> dict[str, dict[str, str]]:
    return {
        "category": {c.code: localized(c, "name") for c in Category.objects.all()},
        "governorate": {g.code: localized(g, "name") for g in Governorate.objects.all()},
        "status": {s.value: s.label for s in Status},
        "channel": {c.value: c.label for c in Channel},
    }


def _chosen_month(request) -> datetime.date:
    months = statistics.recent_months()
    try:
        chosen = datetime.date.fromisoformat(request.GET.get("month", "") + "-01")
    except ValueError:
        return months[0]
    return chosen if chosen in months else months[0]


def page(request):
    month = _chosen_month(request)
    figures = statistics.for_month(month)
    labels = _labels()
    breakdowns = [
        {
            "name": name,
            "rows": sorted(
                (
                    {"label": labels[name].get(value, value), "count": count}
                    for value, count in figures["by"][name].items()
                ),
                key=lambda row: -(row["count"] or 0),
            ),
        }
        for name in ("category", "governorate", "status", "channel")
    ]
    trend = [statistics.for_month(m) for m in statistics.recent_months()]
    return render(
        request,
        "complaints/statistics.html",
        {
            "figures": figures,
            "breakdowns": breakdowns,
            "trend": trend,
            "months": [m.isoformat()[:7] for m in statistics.recent_months()],
            "month": month.isoformat()[:7],
            "threshold": statistics.SUPPRESS_BELOW,
        },
    )


def _rows():
    for month in statistics.recent_months():
        figures = statistics.for_month(month)
        for key in (
            "received",
            "answered",
            "median_working_hours_to_answer",
            "answered_on_time_share",
        ):
            yield {
                "month": figures["month"],
                "dimension": "total",
                "value": key,
                "count": figures[key],
            }
        for dimension, values in figures["by"].items():
            for value, count in values.items():
                yield {
                    "month": figures["month"],
                    "dimension": dimension,
                    "value": value,
                    "count": count,
                }


def download_json(request):
    return JsonResponse(
        {
            "suppressed_below": statistics.SUPPRESS_BELOW,
            "months": [statistics.for_month(m) for m in statistics.recent_months()],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _blank(count):
    return "" if count is None else count


def download_csv(request):
    return csv_download(
        "sanad-complaints-statistics.csv",
        ["month", "dimension", "value", "count"],
        ([row["month"], row["dimension"], row["value"], _blank(row["count"])] for row in _rows()),
    )
