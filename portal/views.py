from django.core.cache import cache
from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_page

from portal import opendata, services
from portal import search as one_search
from portal.models import Event, NewsItem, Service
from registry.forms import SearchForm
from registry.models import Organization, OrganizationKind, OrganizationStatus

# The figures change slowly and cost three aggregates over the whole register.
STATISTICS_SECONDS = 600
# The most visited pages are kept whole for a minute (per address, language and, for
# someone signed in, session): a piece published shows on the home page within it.
public_cache = cache_page(60)
HOME_PIECES = 3


def _register_statistics() -> dict:
    active = Organization.objects.filter(status=OrganizationStatus.ACTIVE)
    return {
        "active_count": active.count(),
        "governorate_count": active.values("governorate").distinct().count(),
        "by_kind": list(active.values_list("kind").annotate(n=Count("id")).order_by("-n", "kind")),
    }


@public_cache
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
        "news": NewsItem.objects.live().select_related("picture")[:HOME_PIECES],
        "events": Event.objects.coming()[:HOME_PIECES],
        "top_services": Service.objects.all()[:6],
    }
    return render(request, "portal/home.html", context)


@public_cache
def service_list(request):
    """Every service, or those matching the words and the audience asked for."""
    form = services.SearchForm(request.GET or None)
    found = services.find()
    if form.is_valid():
        found = services.find(form.cleaned_data["q"], form.cleaned_data["audience"])
    return render(request, "portal/services.html", {"form": form, "services": found})


@public_cache
def service_detail(request, code):
    service = get_object_or_404(Service, code=code)
    return render(request, "portal/service.html", {"service": service})


@public_cache
def guide(request):
    """A few questions, and the services that fit the answers."""
    form = services.GuideForm(request.GET or None)
    suggested = None
    if form.is_valid():
        data = form.cleaned_data
        suggested = services.suggest(data["audience"], data["situations"])
    return render(request, "portal/guide.html", {"form": form, "suggested": suggested})


def open_registers(request):
    """The public registers and statistics, each linking to the module that owns it."""
    return render(request, "portal/open.html", {"registers": opendata.REGISTERS})


@public_cache
def search(request):
    """One search over services, organizations, facilities and results."""
    form = services.SearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    groups = one_search.everything(query)
    return render(request, "portal/search.html", {"form": form, "query": query, "groups": groups})
