"""One search over the public parts of Sanad: services, news and events, organizations,
licensed facilities, results indicators and open data, each group linking to its own
fuller list."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from care.models import Facility
from core.text import search_key
from impact.models import Indicator
from portal import opendata, services
from portal.models import Event, NewsItem, Page
from registry.models import Organization

SHOWN = 5


@dataclass
class Group:
    title: str
    more_url: str
    items: list[dict] = field(default_factory=list)
    has_more: bool = False


def _first(rows) -> tuple[list, bool]:
    rows = list(rows[: SHOWN + 1])
    return rows[:SHOWN], len(rows) > SHOWN


def everything(query: str) -> list[Group]:
    """The groups with something for ``query`` (every word, in any spelling)."""
    words = search_key(query).split()
    if not words:
        return []
    groups = [
        _services(query),
        _news(words),
        _organizations(query),
        _facilities(words),
        _indicators(words),
        _open_data(words),
    ]
    return [group for group in groups if group.items]


def _services(query: str) -> Group:
    found, more = _first(services.find(query))
    group = Group(_("Services"), reverse("portal:services") + "?" + urlencode({"q": query}))
    group.items = [
        {"label": s.title, "url": reverse("portal:service", args=[s.code]), "detail": s.summary}
        for s in found
    ]
    group.has_more = more
    return group


def _news(words: list[str]) -> Group:
    """Published news, events and pages, newest first, in the reader's language."""
    found = []
    for model in (NewsItem, Event, Page):
        rows = model.objects.live()
        for word in words:
            rows = rows.filter(search_text__contains=word)
        found += rows.order_by("-publish_at", "-pk")[: SHOWN + 1]
    found.sort(key=lambda piece: piece.publish_at, reverse=True)
    group = Group(_("News, events and pages"), reverse("portal:news"))
    group.items = [
        {"label": p.title, "url": p.get_absolute_url(), "detail": p.summary} for p in found[:SHOWN]
    ]
    group.has_more = len(found) > SHOWN
    return group


def _open_data(words: list[str]) -> Group:
    found = opendata.matching(words)
    group = Group(_("Public registers and open data"), reverse("portal:open"))
    group.items = [{"label": r.title, "url": r.url, "detail": r.description} for r in found]
    return group


def _organizations(query: str) -> Group:
    rows = Organization.objects.search(query).select_related("governorate").in_reading_order()
    found, more = _first(rows)
    group = Group(_("Organizations"), reverse("registry:search") + "?" + urlencode({"q": query}))
    group.items = [
        {
            "label": o.name,
            "url": reverse("registry:organization", args=[o.pk]),
            "detail": f"{o.get_kind_display()} · {o.governorate}",
        }
        for o in found
    ]
    group.has_more = more
    return group


def _facilities(words: list[str]) -> Group:
    rows = Facility.objects.select_related("governorate").order_by("name_key", "pk")
    for word in words:
        rows = rows.filter(name_key__contains=word)
    found, more = _first(rows)
    group = Group(
        _("Nurseries and care homes"),
        reverse("care:check") + "?" + urlencode({"name": " ".join(words)}),
    )
    group.items = [
        {
            "label": str(f),
            "url": reverse("care:check") + "?" + urlencode({"name": f.name_ar}),
            "detail": f"{f.get_kind_display()} · {f.governorate}",
        }
        for f in found
    ]
    group.has_more = more
    return group


def _indicators(words: list[str]) -> Group:
    found = [
        indicator
        for indicator in Indicator.objects.all()
        if all(word in _indicator_text(indicator) for word in words)
    ]
    group = Group(_("Results and impact"), reverse("impact:overview"))
    group.items = [
        {
            "label": i.name,
            "url": reverse("impact:indicator", args=[i.code]),
            "detail": i.definition,
        }
        for i in found[:SHOWN]
    ]
    group.has_more = len(found) > SHOWN
    return group


def _indicator_text(indicator: Indicator) -> str:
    return search_key(
        " ".join(
            (indicator.name_ar, indicator.name_en, indicator.definition_ar, indicator.definition_en)
        )
    )
