"""RSS and Atom feeds of the national dialogue's events, newest announcement first."""

from portal.feeds import FEED_LENGTH, PageFeed, atom


class EventsFeed(PageFeed):
    def title(self):
        return f"{self.page.title}: events"

    def description(self):
        return self.page.introduction or "Dialogues on safety and crime prevention."

    def items(self):
        return self.page.events().order_by("-first_published_at")[:FEED_LENGTH]

    def item_description(self, item):
        when = f"{item.local_start:%-d %B %Y, %H:%M}"
        return f"{item.get_event_format_display()}, {when}. {item.summary}"

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [item.get_event_format_display()]


EventsAtomFeed = atom(EventsFeed)
