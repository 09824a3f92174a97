"""RSS and Atom feeds of new publications, for the whole library or one topic."""

from datetime import datetime, time

from django.utils import timezone

from portal.feeds import FEED_LENGTH, PageFeed, atom


class PublicationRssFeed(PageFeed):
    def __init__(self, library, topic=None):
        super().__init__(library)
        self.topic = topic

    def title(self):
        suffix = f": {self.topic.name}" if self.topic else ""
        return f"{self.page.title}{suffix}"

    def description(self):
        return self.page.introduction or "New publications in the research library."

    def items(self):
        publications = self.page.publications()
        if self.topic is not None:
            publications = publications.filter(topics=self.topic)
        return publications.prefetch_related("authors").order_by("-publication_date")[:FEED_LENGTH]

    def item_text(self, item):
        return item.abstract

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.combine(item.publication_date, time.min))

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.authors.all()) or None

    def item_categories(self, item):
        return [tag.name for tag in item.topics.all()]


PublicationAtomFeed = atom(PublicationRssFeed)
