from django.db.models import Count
from django.shortcuts import render

from registry.forms import SearchForm
from registry.models import Organization, OrganizationKind, OrganizationStatus


def home(request):
    organizations = Organization.objects.filter(status=OrganizationStatus.ACTIVE)
    context = {
        "search_form": SearchForm(),
        "active_count": organizations.count(),
        "governorate_count": organizations.values("governorate").distinct().count(),
        "by_kind": [
            {"label": OrganizationKind(row["kind"]).label, "count": row["n"]}
            for row in organizations.values("kind").annotate(n=Count("id")).order_by("-n")
        ],
    }
    return render(request, "portal/home.html", context)
