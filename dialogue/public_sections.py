"""What the national dialogue puts on the home page (upcoming events) and on a partnership's
public profile (the commitments that concern it and the events that discussed it)."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.formats import date_format

from dialogue.models import Commitment, DialogueEventPage, DialogueSectionPage
from dialogue.models.choices import UNFINISHED
from knowledge.profile_sections import ProfileLink, ProfileSection
from portal.home_sections import HomeSection
from portal.site_structure import first_live_public, remembered

UPCOMING_ON_HOME = 3


@dataclass(frozen=True)
class EventItem:
    title: str
    url: str
    summary: str
    date: date


def upcoming_events(request, home_page) -> HomeSection | None:
    events = (
        DialogueEventPage.objects.live()
        .public()
        .filter(ends_at__gte=timezone.now())
        .order_by("starts_at")[:UPCOMING_ON_HOME]
    )
    section = first_live_public(request, DialogueSectionPage)
    return HomeSection(
        title="Coming up in the national dialogue",
        order=30,
        items=[
            EventItem(
                e.title,
                e.get_url(request),
                f"{e.get_event_format_display()}: {e.theme}",
                e.local_start.date(),
            )
            for e in events
        ],
        more_url=section.get_url(request) if section else "",
        more_label="All dialogue events",
    )


def commitment_figures(request, home_page) -> HomeSection | None:
    """How many commitments the dialogues produced, how many are done and how many overdue,
    with the way to the tracker. Counted over every commitment: kept per generation and day."""
    section = first_live_public(request, DialogueSectionPage)
    if section is None:
        return None
    today = timezone.localdate()
    key = f"home-commitment-figures:{today}"
    counts = remembered(request, key, lambda: Commitment.objects.live().figures(today))
    if not counts["made"]:
        return None
    return HomeSection(
        title="Commitments from the dialogues",
        kind="figures",
        order=31,
        items=[
            ("Commitments made", counts["made"]),
            ("Done", counts["done"]),
            ("Overdue", counts["overdue"]),
        ],
        more_url=section.get_url(request) + section.reverse_subpage("commitments"),
        more_label="Follow them in the commitments tracker",
    )


def commitments_on_profile(request, partnership) -> ProfileSection | None:
    section = first_live_public(request, DialogueSectionPage)
    if section is None:
        return None
    commitments = Commitment.objects.live().filter(partnerships=partnership).in_tracker_order()
    return ProfileSection(
        heading="Commitments that concern it",
        order=30,
        items=[
            ProfileLink(
                c.promise,
                section.commitment_url(c),
                f"{c.get_status_display()}{', overdue' if c.is_overdue() else ''}",
            )
            for c in commitments
        ],
    )


def events_on_profile(request, partnership) -> ProfileSection:
    events = (
        DialogueEventPage.objects.live()
        .public()
        .filter(partnerships=partnership)
        .only("title", "url_path", "starts_at")  # what the links show, not whole pages
        .order_by("-starts_at")
    )
    return ProfileSection(
        heading="Dialogue events that discussed it",
        order=35,
        items=[
            ProfileLink(e.title, e.get_url(request), f"{e.local_start:%-d %B %Y}") for e in events
        ],
    )


def events_of_organisation(request, organisation, partnerships) -> ProfileSection:
    events = (
        DialogueEventPage.objects.live()
        .public()
        .filter(partnerships__in=partnerships.values("pk"))
        .distinct()
        .order_by("-starts_at")
    )
    return ProfileSection(
        heading="Dialogue events that discussed its partnerships",
        order=35,
        items=[
            ProfileLink(e.title, e.get_url(request), f"{e.local_start:%-d %B %Y}") for e in events
        ],
    )


def commitments_of_organisation(request, organisation, partnerships) -> ProfileSection | None:
    """What the organisation promised, as the tracker lists it: unfinished first, soonest due."""
    section = first_live_public(request, DialogueSectionPage)
    if section is None:
        return None
    commitments = (
        Commitment.objects.live()
        .filter(made_by_organisation=organisation)
        .only("promise", "status", "due_date")
        .in_tracker_order()
    )
    link = section.commitment_url
    return ProfileSection(
        heading="Commitments it made",
        order=30,
        items=[ProfileLink(c.promise, link(c), _standing(c)) for c in commitments],
    )


def _standing(commitment) -> str:
    """Its status, and when it is due or that it is overdue."""
    if commitment.is_overdue():
        return f"{commitment.get_status_display()}, overdue"
    if commitment.due_date and commitment.status in UNFINISHED:
        return f"{commitment.get_status_display()}, due {date_format(commitment.due_date)}"
    return commitment.get_status_display()
