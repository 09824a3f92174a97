"""What every section's feed of new pages shares (the research library's publications, the
dialogue's events, the best-practice library's practices): built by Django's syndication
framework, whose generators escape every value as XML, so no title can break a feed."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.timezone import now

FEED_LENGTH = 30


class NoLaterThanNow:
    """A feed's date (Atom's ``updated``, and the Last-Modified header Django derives from it)
    is its newest item's, which may lie ahead (a publication dated for its release next month).
    A server may not date a response after it was made (RFC 9110, 8.8.2.1), so such a feed is
    dated now."""

    def latest_post_date(self):
        return min(super().latest_post_date(), now())


class RssFeed(NoLaterThanNow, Rss201rev2Feed):
    pass


class AtomFeed(NoLaterThanNow, Atom1Feed):
    """Atom, whose entries must each say when they were last updated: their date."""

    def add_item(self, *args, pubdate=None, updateddate=None, **kwargs):
        super().add_item(*args, pubdate=pubdate, updateddate=updateddate or pubdate, **kwargs)


class PageFeed(Feed):
    """An RSS feed of the items under ``page``, linking to it and to each item's page."""

    feed_type = RssFeed

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
        f"{feed.__name__}Atom", (feed,), {"feed_type": AtomFeed, "subtitle": feed.description}
    )
