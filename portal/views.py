from django.core.cache import cache
from django.db.models import Count
from django.shortcuts import render

from registry.forms import SearchForm
from registry.models import Organization, OrganizationKind, OrganizationStatus

# The figures change slowly and cost three aggregates over the whole register.
STATISTICS_SECONDS = 600


def _register_statistics() -> dict:
    active = Organization.objects.filter(status=OrganizationStatus.ACTIVE)
    return {
        "active_count": active.count(),
        "governorate_count": active.values("governorate").distinct().count(),
        "by_kind": list(active.values_list("kind").annotate(n=Count("id")).order_by("-n", "kind")),
    }


def home(request):
    statistics = cache.get_or_set(
        "portal:register-statistics", _register_statistics, STATISTICS_SECONDS
    )
    context = {
        "search_form": SearchForm(),
        "active_count": statistics["active_count"],
        "governorate_count": statistics["governorate_count"],
        "by_kind": [
            {"label": OrganizationKind(kind).label, "count": count}
            for kind, count in statistics["by_kind"]
        ],
    }
    return render(request, "portal/home.html", context)
