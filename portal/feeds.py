"""What every section's feed of new pages shares (the research library's publications, the
dialogue's events, the best-practice library's practices): built by Django's syndication
framework, whose generators escape every value as XML, so no title can break a feed."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape

FEED_LENGTH = 30


class PageFeed(Feed):
    """An RSS feed of the items under ``page``, linking to it and to each item's page."""

    feed_type = Rss201rev2Feed

    def __init__(self, page):
        super().__init__()
        self.page = page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self):
        return self.page.get_url(self.request)

    def item_title(self, item):
        return item.title

    def item_text(self, item) -> str:
        """What the feed says of ``item``, as plain text (a summary, an abstract, a note)."""
        return ""

    def item_description(self, item):
        # Feed readers take a description as HTML: plain text is escaped once here (and once
        # more as XML), so "<appointed>" or "R&D" in a note reads as typed, never as markup.
        return escape(self.item_text(item))

    def item_link(self, item):
        return item.get_url(self.request)


def atom(feed: type[PageFeed]) -> type[PageFeed]:
    """The same feed as Atom, its description as the subtitle."""
    return type(
        f"{feed.__name__}Atom", (feed,), {"feed_type": Atom1Feed, "subtitle": feed.description}
    )
