"""RSS and Atom feeds of the national dialogue's events, newest announcement first.

Django's feed generators escape every value as XML, so no title can break a feed.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

FEED_LENGTH = 30


class EventsFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, section):
        super().__init__()
        self.section = section

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{self.section.title}: events"

    def link(self):
        return self.section.get_url(self.request)

    def description(self):
        return self.section.introduction or "Dialogues on safety and crime prevention."

    def items(self):
        return self.section.events().order_by("-first_published_at")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        when = f"{item.local_start:%-d %B %Y, %H:%M}"
        return f"{item.get_event_format_display()}, {when}. {item.summary}"

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [item.get_event_format_display()]


class EventsAtomFeed(EventsFeed):
    feed_type = Atom1Feed
    subtitle = EventsFeed.description
