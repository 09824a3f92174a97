"""Events in calendars: one event's .ics, an iCalendar feed of upcoming events that calendar
apps subscribe to, "Add to calendar" links, and Schema.org Event JSON-LD."""

import datetime
import json
from urllib.parse import urlencode

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from icalendar import Calendar, Event

from knowledge.citations import PUBLISHER

PRODUCT = "-//Civilian Secretariat for Police Service//Safety Partnerships Knowledge Portal//EN"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Africa/Johannesburg")
    return calendar


def location_text(event) -> str:
    parts = [event.venue, event.get_province_display()] if event.in_person else []
    if event.is_online:
        parts.append(event.online_link)
    return ", ".join(part for part in parts if part)


def _vevent(event, request) -> Event:
    item = Event()
    item.add("uid", f"dialogue-event-{event.pk}@{request.get_host()}")
    item.add("dtstamp", timezone.now())
    item.add("dtstart", event.starts_at)
    item.add("dtend", event.ends_at)
    item.add("summary", event.title)
    item.add("description", f"{event.theme}\n\n{event.summary}")
    item.add("url", event.get_full_url(request))
    if location := location_text(event):
        item.add("location", location)
    item.add("categories", [event.get_event_format_display()])
    return item


def _response(ics: bytes, filename: str, disposition: str = "attachment") -> HttpResponse:
    response = HttpResponse(ics, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def ics_filename(event) -> str:
    return f"{slugify(event.title) or 'event'}.ics"


def event_ics(event, request) -> bytes:
    """One event as an iCalendar file (downloaded, and attached to confirmation e-mails)."""
    calendar = _calendar(event.title)
    calendar.add_component(_vevent(event, request))
    return calendar.to_ical()


def event_ics_response(event, request) -> HttpResponse:
    return _response(event_ics(event, request), ics_filename(event))


def calendar_feed_response(section, request) -> HttpResponse:
    """Every public event that has not ended: a calendar app that subscribes sees new events
    appear and past ones drop off."""
    calendar = _calendar(f"{section.title}: upcoming events")
    upcoming = section.events().filter(ends_at__gte=timezone.now()).order_by("starts_at")
    for event in upcoming:
        calendar.add_component(_vevent(event, request))
    return _response(calendar.to_ical(), "national-dialogue.ics", "inline")


def calendar_links(event, request) -> dict:
    """An .ics download and a Google Calendar link (which most calendar apps also take)."""
    utc = "%Y%m%dT%H%M%SZ"
    google = "https://calendar.google.com/calendar/render?" + urlencode(
        {
            "action": "TEMPLATE",
            "text": event.title,
            "dates": f"{event.starts_at.astimezone(datetime.UTC):{utc}}/"
            f"{event.ends_at.astimezone(datetime.UTC):{utc}}",
            "details": f"{event.theme}\n{event.get_full_url(request)}",
            "location": location_text(event),
        }
    )
    return {"ics": event.url + event.reverse_subpage("ics"), "google": google}


ATTENDANCE = {
    (True, False): "https://schema.org/OfflineEventAttendanceMode",
    (False, True): "https://schema.org/OnlineEventAttendanceMode",
    (True, True): "https://schema.org/MixedEventAttendanceMode",
}


def event_json_ld(event, request) -> str:
    """Schema.org Event for a <script type="application/ld+json"> element, safe inside HTML."""
    places = []
    if event.in_person:
        places.append(
            {
                "@type": "Place",
                "name": event.venue,
                "address": {
                    "@type": "PostalAddress",
                    "addressRegion": event.get_province_display(),
                    "addressCountry": "ZA",
                },
            }
        )
    if event.is_online:
        places.append({"@type": "VirtualLocation", "url": event.online_link})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": timezone.localtime(event.starts_at).isoformat(),
        "endDate": timezone.localtime(event.ends_at).isoformat(),
        "eventAttendanceMode": ATTENDANCE[(event.in_person, event.is_online)],
        "eventStatus": "https://schema.org/EventScheduled",
        "location": places[0] if len(places) == 1 else places,
        "organizer": {"@type": "GovernmentOrganization", "name": PUBLISHER},
        "url": event.get_full_url(request),
    }
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
