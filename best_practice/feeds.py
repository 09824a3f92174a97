"""RSS and Atom feeds of the practices newly published in the best-practice library."""

from best_practice.models import PracticePage
from portal.feeds import FEED_LENGTH, PageFeed, atom


class PracticesFeed(PageFeed):
    def title(self):
        return f"{self.page.title}: new practices"

    def description(self):
        return self.page.introduction or "New practices in the best-practice library."

    def items(self):
        practices = PracticePage.objects.child_of(self.page).live().public()
        return practices.order_by("-first_published_at")[:FEED_LENGTH]

    def item_text(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        rating = item.get_evidence_rating_display() or "Not yet rated"
        return [item.get_strategy_category_display(), rating]


PracticesAtomFeed = atom(PracticesFeed)
