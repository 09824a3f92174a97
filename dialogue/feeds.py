"""RSS and Atom feeds of the national dialogue: its events, newest announcement first, and the
commitments tracker's news (commitments published and progress on them)."""

import datetime
from dataclasses import dataclass

from django.db.models import F
from django.utils.formats import date_format
from django.utils.timezone import make_aware

from portal.feeds import FEED_LENGTH, PageFeed, atom


class EventsFeed(PageFeed):
    def title(self):
        return f"{self.page.title}: events"

    def description(self):
        return self.page.introduction or "Dialogues on safety and crime prevention."

    def items(self):
        return self.page.events().order_by("-first_published_at")[:FEED_LENGTH]

    def item_text(self, item):
        when = f"{item.local_start:%-d %B %Y, %H:%M}"
        return f"{item.get_event_format_display()}, {when}. {item.summary}"

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [item.get_event_format_display()]


EventsAtomFeed = atom(EventsFeed)


@dataclass(frozen=True)
class CommitmentNews:
    """One thing a follower of the tracker is told: a commitment published, or a step on one."""

    title: str
    link: str
    description: str
    published: datetime.datetime
    guid: str
    status: str


def _noon(day: datetime.date) -> datetime.datetime:
    """A day as a moment in South African time, for a feed that dates its items to the second."""
    return make_aware(datetime.datetime.combine(day, datetime.time(12)))


class CommitmentsFeed(PageFeed):
    """What was promised and how far each promise has come: each commitment when it is
    published and each progress note on it, newest first. It says what the commitment's own
    page says of the promise and the note, and nothing of events, partnerships or evidence
    documents, which that page shows only to readers allowed to see them."""

    def title(self):
        return f"{self.page.title}: commitments and their progress"

    def description(self):
        return "What was promised at dialogues and other engagements, and each step since."

    def link(self):
        return self.page.get_url(self.request) + self.page.reverse_subpage("commitments")

    def items(self):
        from dialogue.models import Commitment, CommitmentProgress

        published = (
            Commitment.objects.live()
            .with_maker()
            .order_by(F("first_published_at").desc(nulls_last=True), "-pk")
        )
        notes = (
            CommitmentProgress.objects.filter(commitment__live=True)
            .select_related("commitment")
            .order_by("-date", "-pk")
        )
        news = [self._announced(c) for c in published[:FEED_LENGTH]]
        news += [self._progress(note) for note in notes[:FEED_LENGTH]]
        return sorted(news, key=lambda item: item.published, reverse=True)[:FEED_LENGTH]

    def _url(self, commitment) -> str:
        return self.request.build_absolute_uri(self.page.commitment_url(commitment))

    def _announced(self, commitment) -> CommitmentNews:
        due = f" Due {date_format(commitment.due_date)}." if commitment.due_date else ""
        return CommitmentNews(
            title=f"Commitment: {commitment.promise}",
            link=self._url(commitment),
            description=f"Made by {commitment.made_by}.{due} {commitment.get_status_display()}.",
            # Published before the portal recorded when: the day it was made.
            published=commitment.first_published_at or _noon(commitment.made_on),
            guid=self._url(commitment),
            status=commitment.get_status_display(),
        )

    def _progress(self, note) -> CommitmentNews:
        commitment = note.commitment
        return CommitmentNews(
            title=f"Progress: {commitment.promise}",
            link=self._url(commitment),
            description=f"{note.note} ({commitment.get_status_display()}.)",
            published=_noon(note.date),
            guid=f"{self._url(commitment)}#progress-{note.pk}",
            status=commitment.get_status_display(),
        )

    def item_link(self, item):
        return item.link

    def item_text(self, item):
        return item.description

    def item_pubdate(self, item):
        return item.published

    def item_guid(self, item):
        return item.guid

    def item_guid_is_permalink(self, item):
        return "#" not in item.guid

    def item_categories(self, item):
        return [item.status]


CommitmentsAtomFeed = atom(CommitmentsFeed)
