"""The Best practice and Master classes sections: the practice library and the class list."""

from django.utils import timezone
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal.listing import filtered_listing
from portal.models import SectionIndexPage
from portal.site_structure import remembered

PRACTICES_PER_PAGE = 20


class BestPracticeSectionPage(RoutablePageMixin, SectionIndexPage):
    """The practice library: filters, sort orders, and a matrix of where evidence is thin; and
    feeds of its new practices at feed/ (RSS) and feed/atom/."""

    subpage_types = [
        "best_practice.PracticePage",
        "best_practice.EvidenceGuidePage",
        "portal.StandardPage",
    ]

    class Meta:
        verbose_name = "Best practice section"

    def get_context(self, request, *args, **kwargs):
        from best_practice.filters import PracticeFilterForm, category_setting_matrix

        from .practices import PracticePage

        context = super().get_context(request, *args, **kwargs)
        practices = PracticePage.objects.child_of(self).live().public()
        context.update(
            filtered_listing(
                request,
                PracticeFilterForm(request.GET),
                # What a card shows, not whole pages (problem, mechanism, steps, body).
                practices.only(
                    "title",
                    "url_path",
                    "strategy_category",
                    "evidence_rating",
                    "priority_score",
                    "place_settings",
                    "summary",
                ),
                PRACTICES_PER_PAGE,
                "practices",
                total_key=f"practices:{self.pk}",
            ),
            # Counted over every practice: kept per generation (portal/site_structure.py).
            matrix=remembered(
                request, f"practice-matrix:{self.pk}", lambda: category_setting_matrix(practices)
            ),
            child_pages=context["child_pages"].not_type(PracticePage),
        )
        return context

    @path("feed/")
    def rss_feed(self, request):
        from best_practice.feeds import PracticesFeed

        return PracticesFeed(self)(request)

    @path("feed/atom/")
    def atom_feed(self, request):
        from best_practice.feeds import PracticesAtomFeed

        return PracticesAtomFeed(self)(request)


class MasterClassSectionPage(SectionIndexPage):
    """Upcoming master classes first, then past ones."""

    subpage_types = ["best_practice.MasterClassPage", "portal.StandardPage"]

    class Meta:
        verbose_name = "Master classes section"

    def get_context(self, request, *args, **kwargs):
        from .master_classes import MasterClassPage

        context = super().get_context(request, *args, **kwargs)
        classes = MasterClassPage.objects.child_of(self).live().public()
        today = timezone.localdate()
        context.update(
            upcoming=classes.filter(start_date__gte=today).order_by("start_date"),
            past=classes.filter(start_date__lt=today).order_by("-start_date"),
            child_pages=context["child_pages"].not_type(MasterClassPage),
        )
        return context
