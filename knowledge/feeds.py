"""RSS and Atom feeds of new publications, for the whole library or one topic.

Django's feed generators escape every value as XML, so no title can break a feed.
"""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

FEED_LENGTH = 30


class PublicationRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, library, topic=None):
        super().__init__()
        self.library, self.topic = library, topic

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        suffix = f": {self.topic.name}" if self.topic else ""
        return f"{self.library.title}{suffix}"

    def link(self):
        return self.library.get_url(self.request)

    def description(self):
        return self.library.introduction or "New publications in the research library."

    def items(self):
        publications = self.library.publications()
        if self.topic is not None:
            publications = publications.filter(topics=self.topic)
        return publications.prefetch_related("authors").order_by("-publication_date")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.abstract

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.publication_date, time.min))

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.authors.all()) or None

    def item_categories(self, item):
        return [tag.name for tag in item.topics.all()]


class PublicationAtomFeed(PublicationRssFeed):
    feed_type = Atom1Feed
    subtitle = PublicationRssFeed.description
