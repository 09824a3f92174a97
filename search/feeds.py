"""Any search as an RSS or Atom feed of its newest results: a journalist follows new evidence
about a partnership, a place or a subject without searching again.

The index holds only what anonymous readers may see (``search.projection``), so a feed, which
cannot ask who reads it, shows nothing a search would not show them.
"""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.html import escape

from portal.feeds import AtomFeed, RssFeed
from search import facets
from search.query import SearchQuery
from search.service import newest
from search.views import public_partnership_names, query_link


def described(query: SearchQuery) -> str:
    """What the search asks, in words: “patrol”, Province: Gauteng, Partnership: …"""
    parts = [f"“{query.text}”"] if query.text else []
    for name, value in query.filters.items():
        facet = facets.BY_NAME[name]
        if name == "partnership":
            label = public_partnership_names([value]).get(value, value)
        else:
            label = facet.label(value)
        parts.append(f"{facet.title}: {label}")
    return ", ".join(parts) or "everything"


class SearchFeed(Feed):
    """RSS: the newest results of the search the URL's parameters describe (those of
    ``/search/``; the page and the order are the feed's own)."""

    feed_type = RssFeed

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return SearchQuery.from_params(request.GET)

    def title(self, query):
        if not query.text:  # following a kind or a place, not words
            return f"New on the portal: {described(query)}"
        return f"Search: {described(query)}"

    def about(self, query) -> str:
        return f"The newest of what the portal publishes matching {described(query)}."

    def description(self, query):
        # Feed readers take RSS descriptions as HTML, and the words come from a URL anyone can
        # write: escaped once here, "<a href=…>" in a shared feed link reads as typed.
        return escape(self.about(query))

    def link(self, query):
        return reverse("search") + query_link(query, sort="", page="")

    def feed_url(self, query):
        return self.request.get_full_path()

    def items(self, query):
        return newest(query).hits

    def item_title(self, hit):
        return hit.title

    def item_description(self, hit):
        # Feed readers take a description as HTML: the plain summary is escaped once here.
        return escape(hit.summary)

    def item_link(self, hit):
        return hit.url

    def item_pubdate(self, hit):
        return hit.added  # when it appeared on the portal (the item's own date may be older)

    def item_categories(self, hit):
        return [facets.BY_NAME["kind"].label(hit.kind)]


class SearchAtomFeed(SearchFeed):
    feed_type = AtomFeed

    description = None

    def subtitle(self, query):
        return self.about(query)  # Atom's subtitle is plain text
