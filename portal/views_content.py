"""The editors' pieces as the public reads them: news and activities, events, pages, and
the pictures that illustrate them. Staff who may edit a piece see it before it is
published, marked as a preview."""

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from core.pagination import CappedPaginator
from portal.calendar import ics
from portal.models import Event, NewsItem, NewsKind, Page, Picture

PER_PAGE = 12
PICTURE_CACHE_SECONDS = 7 * 24 * 3600


def visible(model, request):
    """Everything to those who may change it (for previews), what is live to the rest."""
    if request.user.has_perm(f"portal.change_{model._meta.model_name}"):
        return model.objects.all()
    return model.objects.live()


def news_list(request):
    kind = request.GET.get("kind", "")
    pieces = NewsItem.objects.live().select_related("picture")
    if kind in NewsKind.values:
        pieces = pieces.filter(kind=kind)
    page = CappedPaginator(pieces, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "kind": kind,
        "kinds": NewsKind.choices,
        "query": f"kind={kind}" if kind in NewsKind.values else "",
    }
    return render(request, "portal/news.html", context)


def news_item(request, pk):
    piece = get_object_or_404(visible(NewsItem, request).select_related("picture"), pk=pk)
    return render(request, "portal/news_item.html", {"piece": piece})


def event_list(request):
    """Coming events first, soonest first; those that are over on their own pages."""
    past = request.GET.get("past") == "1"
    events = Event.objects.over() if past else Event.objects.coming()
    events = events.select_related("governorate", "picture")
    page = CappedPaginator(events, PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "past": past, "query": "past=1" if past else ""}
    return render(request, "portal/events.html", context)


def event_detail(request, pk):
    event = get_object_or_404(visible(Event, request).select_related("governorate"), pk=pk)
    return render(request, "portal/event.html", {"piece": event})


@require_GET
def event_calendar(request, pk):
    """The event as a calendar file, to add to a phone's calendar in one tap."""
    event = get_object_or_404(Event.objects.live(), pk=pk)
    response = HttpResponse(ics(event, request.build_absolute_uri(event.get_absolute_url())))
    response["Content-Type"] = "text/calendar; charset=utf-8"
    response["Content-Disposition"] = f'attachment; filename="sanad-event-{event.pk}.ics"'
    return response


def page_detail(request, slug):
    page = get_object_or_404(visible(Page, request), slug=slug)
    return render(request, "portal/page.html", {"piece": page})


@require_GET
def picture(request, name):
    """A picture, once something live shows it (or to an editor, for a preview)."""
    picture = get_object_or_404(Picture, stored_name=name)
    shown = any(
        visible(model, request).filter(picture=picture).exists() for model in (NewsItem, Event)
    )
    if not shown:
        raise Http404
    response = FileResponse(picture.file.open("rb"), content_type=picture.content_type)
    response["Cache-Control"] = f"public, max-age={PICTURE_CACHE_SECONDS}"
    return response
