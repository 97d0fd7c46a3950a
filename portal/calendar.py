"""One event as an iCalendar file (RFC 5545), which every phone's calendar opens."""

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from portal.models import Event


def ics(event: Event, url: str) -> bytes:
    entry = CalendarEvent()
    entry.add("uid", f"event-{event.pk}@sanad")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", event.starts_at)
    entry.add("dtend", event.ends_at or event.starts_at)
    entry.add("summary", event.title)
    entry.add("location", event.place)
    entry.add("description", event.summary)
    entry.add("url", url)
    calendar = Calendar()
    calendar.add("prodid", "-//Sanad//Events//AR")
    calendar.add("version", "2.0")
    calendar.add_component(entry)
    return calendar.to_ical()
