"""Dialogue events: tree rules, time zones around midnight, the listing, calendars, feeds,
structured data, and what the public page may name."""

import datetime
import json
import zoneinfo

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase

from dialogue.models import DialogueEventPage, DialogueSectionPage, EventFormat, EventTiming
from knowledge.models.choices import Visibility
from portal.models import HomePage, StandardPage
from tests.dialogue.factories import DialogueEventPageFactory, dialogue_section, in_days
from tests.knowledge.factories import PartnershipFactory, PartnershipsSectionPageFactory

SAST = zoneinfo.ZoneInfo("Africa/Johannesburg")


def at(year, month, day, hour, minute=0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=SAST)


class EventTreeTests(WagtailPageTestCase):
    def test_events_live_in_the_dialogue_section(self):
        self.assertAllowedParentPageTypes(DialogueEventPage, {DialogueSectionPage})
        self.assertAllowedSubpageTypes(DialogueSectionPage, {DialogueEventPage, StandardPage})
        self.assertCanNotCreateAt(HomePage, DialogueEventPage)


def test_an_event_that_runs_past_midnight_is_happening_until_it_ends():
    event = DialogueEventPage(starts_at=at(2026, 12, 31, 22), ends_at=at(2027, 1, 1, 1))

    assert event.timing(at(2026, 12, 31, 21, 59)) == EventTiming.UPCOMING
    assert event.timing(at(2026, 12, 31, 23, 59)) == EventTiming.HAPPENING
    assert event.timing(at(2027, 1, 1, 0, 30)) == EventTiming.HAPPENING  # the next day
    assert event.timing(at(2027, 1, 1, 1, 1)) == EventTiming.PAST
    # The instant counts, whatever zone it is written in: 21:30 UTC is 23:30 in Johannesburg.
    utc = datetime.UTC
    assert event.timing(datetime.datetime(2026, 12, 31, 19, 30, tzinfo=utc)) == "upcoming"
    assert event.timing(datetime.datetime(2026, 12, 31, 21, 30, tzinfo=utc)) == "happening"


@pytest.mark.django_db
def test_times_are_stored_in_utc_and_shown_in_south_african_time(client):
    event = DialogueEventPageFactory(starts_at=at(2027, 3, 4, 0, 30), ends_at=at(2027, 3, 4, 2))
    event.refresh_from_db()

    assert event.starts_at.astimezone(datetime.UTC) == datetime.datetime(
        2027, 3, 3, 22, 30, tzinfo=datetime.UTC
    )
    page = BeautifulSoup(client.get(event.url).content, "html.parser")
    shown = page.find("time", attrs={"datetime": "2027-03-04T00:30:00+02:00"})
    assert shown is not None and "Thursday 4 March 2027, 00:30" in shown.get_text()


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"ends_at": at(2027, 1, 1, 8)}, "ends_at"),
        ({"venue": "", "online_link": ""}, "venue"),
        ({"province": ""}, "province"),
        ({"registration_closes_at": at(2027, 1, 2, 9)}, "registration_closes_at"),
    ],
)
def test_bad_event_details_are_refused_at_their_field(fields, field):
    details = {
        "title": "Roundtable",
        "slug": "roundtable",
        "event_format": EventFormat.ROUNDTABLE,
        "theme": "Policing",
        "summary": "A roundtable.",
        "starts_at": at(2027, 1, 1, 9),
        "ends_at": at(2027, 1, 1, 16),
        "venue": "Durban",
        "province": "kwazulu-natal",
    }
    event = DialogueEventPage(**{**details, **fields})
    with pytest.raises(ValidationError) as refused:
        event.clean()
    assert field in refused.value.message_dict


@pytest.mark.django_db
def test_the_listing_puts_upcoming_first_then_past_and_filters_in_the_url(client):
    section = dialogue_section()
    DialogueEventPageFactory(
        title="Past imbizo",
        event_format=EventFormat.IMBIZO,
        starts_at=in_days(-30),
        ends_at=in_days(-30, 15),
    )
    DialogueEventPageFactory(
        title="Older workshop",
        event_format=EventFormat.WORKSHOP,
        starts_at=in_days(-90),
        ends_at=in_days(-90, 15),
    )
    DialogueEventPageFactory(title="Soon", starts_at=in_days(3), ends_at=in_days(3, 15))
    DialogueEventPageFactory(
        title="Later",
        starts_at=in_days(40),
        ends_at=in_days(40, 15),
        province="western-cape",
        venue="Cape Town",
    )

    def listed(query=""):
        page = BeautifulSoup(client.get(section.url + query).content, "html.parser")
        return [a.get_text(strip=True) for a in page.select(".card-list .card__title a")]

    assert listed() == ["Soon", "Later", "Past imbizo", "Older workshop"]
    assert listed("?event_format=imbizo") == ["Past imbizo"]
    assert listed("?province=western-cape") == ["Later"]
    assert listed("?theme=RIGHTS") == ["Soon", "Later", "Past imbizo", "Older workshop"]
    assert listed("?event_format=not-a-format") == listed()  # a bad value is ignored


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["abc", "1066", "20 24"])
def test_a_mistyped_filter_is_shown_back_with_its_reason_and_the_listing_goes_on(client, typed):
    section = dialogue_section()
    DialogueEventPageFactory(title="Soon", starts_at=in_days(3), ends_at=in_days(3, 15))

    page = BeautifulSoup(client.get(section.url, {"year": typed}).content, "html.parser")

    year = page.find("input", attrs={"name": "year"})
    assert year["value"] == typed  # what the reader typed stays, to mend
    assert year["aria-invalid"] == "true"
    reason = page.find(id=year["aria-describedby"])
    assert reason.get_text(strip=True) == (
        "Enter a year from 2000 to 2100, such as 2024. Not applied."
    )
    assert [a.get_text(strip=True) for a in page.select(".card-list .card__title a")] == ["Soon"]


@pytest.mark.django_db
def test_the_listing_says_until_when_an_event_takes_registrations(client):
    section = dialogue_section()
    DialogueEventPageFactory(
        title="Open",
        registration_enabled=True,
        starts_at=in_days(20, 9),
        ends_at=in_days(20, 15),
        registration_closes_at=in_days(15, 17),
    )
    DialogueEventPageFactory(title="No registration", registration_enabled=False)
    DialogueEventPageFactory(
        title="Closed",
        registration_enabled=True,
        starts_at=in_days(5, 9),
        ends_at=in_days(5, 15),
        registration_closes_at=in_days(-1),
    )

    page = BeautifulSoup(client.get(section.url).content, "html.parser")
    cards = {
        card.find("h3").get_text(strip=True): card.get_text(" ", strip=True)
        for card in page.select(".card-list .card")
    }

    closes = timezone.localtime(in_days(15, 17))
    assert f"Register by {closes:%-d %B %Y, %H:%M}" in cards["Open"]
    assert "Register by" not in cards["No registration"] and "Register by" not in cards["Closed"]


@pytest.mark.django_db
def test_the_listing_query_count_does_not_grow_with_the_events(client):
    section = dialogue_section()
    DialogueEventPageFactory.create_batch(2)
    client.get(section.url)
    with CaptureQueriesContext(connection) as few:
        client.get(section.url)
    DialogueEventPageFactory.create_batch(8)
    with CaptureQueriesContext(connection) as many:
        client.get(section.url)
    assert len(many) == len(few)


@pytest.mark.django_db
def test_ics_and_the_calendar_feed_parse_and_list_upcoming_events(client):
    section = dialogue_section()
    upcoming = DialogueEventPageFactory(
        title="Provincial dialogue",
        starts_at=in_days(5),
        ends_at=in_days(5, 17),
        online_link="https://meet.example.org/x",
    )
    DialogueEventPageFactory(title="Long past", starts_at=in_days(-50), ends_at=in_days(-50, 12))

    one = client.get(upcoming.url + "calendar/")
    assert one["Content-Type"].startswith("text/calendar")
    (event,) = icalendar.Calendar.from_ical(one.content).walk("VEVENT")
    assert str(event["summary"]) == "Provincial dialogue"
    assert event.decoded("dtstart") == upcoming.starts_at
    assert "https://meet.example.org/x" in str(event["location"])

    feed = icalendar.Calendar.from_ical(client.get(section.url + "calendar/").content)
    assert [str(e["summary"]) for e in feed.walk("VEVENT")] == ["Provincial dialogue"]


@pytest.mark.django_db
def test_rss_and_atom_feeds_list_the_events(client):
    section = dialogue_section()
    DialogueEventPageFactory(title="Roundtable <on> policing")
    for path in ("feed/", "feed/atom/"):
        parsed = feedparser.parse(client.get(section.url + path).content)
        assert not parsed.bozo, path
        assert [entry.title for entry in parsed.entries] == ["Roundtable <on> policing"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("venue", "online", "mode"),
    [
        ("Pretoria", "", "OfflineEventAttendanceMode"),
        ("", "https://meet.example.org/x", "OnlineEventAttendanceMode"),
        ("Pretoria", "https://meet.example.org/x", "MixedEventAttendanceMode"),
    ],
)
def test_event_json_ld_states_how_people_attend(client, venue, online, mode):
    event = DialogueEventPageFactory(
        venue=venue, online_link=online, province="gauteng" if venue else ""
    )
    page = BeautifulSoup(client.get(event.url).content, "html.parser")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "Event"
    assert data["eventAttendanceMode"] == f"https://schema.org/{mode}"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["startDate"] == event.local_start.isoformat()


@pytest.mark.django_db
def test_the_page_names_public_partnerships_only_and_links_to_calendars(client):
    PartnershipsSectionPageFactory()
    public = PartnershipFactory(title="Open patrol partnership")
    internal = PartnershipFactory(title="Quiet internal pact", visibility=Visibility.INTERNAL)
    event = DialogueEventPageFactory()
    event.partnerships.add(public, internal)
    event.save_revision().publish()

    html = client.get(event.url).content.decode()
    assert "Open patrol partnership" in html
    assert "Quiet internal pact" not in html and internal.reference not in html
    assert 'href="/national-dialogue/' in html and "calendar/" in html
    assert "calendar.google.com" in html


@pytest.mark.django_db
def test_a_past_event_offers_no_calendar_entry_and_no_link_to_its_meeting(client):
    event = DialogueEventPageFactory(
        starts_at=in_days(-3), ends_at=in_days(-3, 12), online_link="https://meet.example.org/x"
    )

    main = BeautifulSoup(client.get(event.url).content, "html.parser").find("main")

    assert "Past" in main.get_text()
    assert "Add to your calendar" not in main.get_text()
    assert [a["href"] for a in main.find_all("a") if "example.org" in a["href"]] == []
    assert "online" in main.find("dt", string="Where").find_next_sibling("dd").get_text()


@pytest.mark.django_db
def test_upcoming_events_are_on_the_home_page(client):
    dialogue_section()
    DialogueEventPageFactory(title="Coming dialogue", starts_at=in_days(2), ends_at=in_days(2, 12))
    DialogueEventPageFactory(
        title="Finished dialogue", starts_at=in_days(-2), ends_at=in_days(-2, 12)
    )
    html = client.get("/").content.decode()
    assert "Coming dialogue" in html and "Finished dialogue" not in html
