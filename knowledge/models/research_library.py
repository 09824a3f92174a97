"""The research library: every publication, filterable, sortable, with feeds of what is new."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from taggit.models import Tag
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from portal.listing import filtered_listing
from portal.models import BasePage

PUBLICATIONS_PER_PAGE = 20


class ResearchLibraryPage(RoutablePageMixin, BasePage):
    parent_page_types = ["knowledge.ResearchSectionPage"]
    subpage_types = ["knowledge.PublicationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "research library"

    def publications(self):
        from .publications import PublicationPage

        return PublicationPage.objects.child_of(self).live().public()

    @path("")
    def library(self, request):
        from knowledge.library_filters import PublicationFilterForm

        from .publications import PublicationAuthor

        context = filtered_listing(
            request,
            PublicationFilterForm(request.GET, library=self, request=request),
            # What a card shows, not whole pages (bodies, key findings, search fields).
            self.publications()
            .only("title", "url_path", "publication_type", "publication_date", "abstract")
            # A plain list: modelcluster's manager cost more per card than the names.
            .prefetch_related(
                Prefetch(
                    "authors",
                    PublicationAuthor.objects.only("publication_id", "name"),
                    to_attr="card_authors",
                )
            ),
            PUBLICATIONS_PER_PAGE,
            "publications",
            total_key=f"publications:{self.pk}",
        )
        return self.render(request, context_overrides=context)

    @path("cite/<str:kind>/")
    def references(self, request, kind):
        """The publications the library's filters select, as one file of references (RIS or
        BibTeX) for a reference manager."""
        from knowledge.citations import LIST_FORMATS, references_response
        from knowledge.library_filters import PublicationFilterForm

        if kind not in LIST_FORMATS:
            raise Http404
        form = PublicationFilterForm(request.GET, library=self, request=request)
        publications = form.apply(self.publications()).prefetch_related("authors", "topics")
        return references_response(publications, request, kind)

    @path("recommendations/")
    @path("recommendations/<slug:body>/")
    def recommendations(self, request, body=None):
        """Recommendations of every publication, grouped by the body they are addressed to."""
        from .publications import PublicationRecommendation
        from .research_choices import Addressee

        if body is not None and body not in Addressee.values:
            raise Http404("No such body.")
        recommendations = (
            PublicationRecommendation.objects.filter(publication__in=self.publications())
            .exclude(addressed_to="")
            .select_related("publication")
            .order_by("addressed_to", "-publication__publication_date", "sort_order")
        )
        if body is not None:
            recommendations = recommendations.filter(addressed_to=body)
        groups = {}
        for recommendation in recommendations:
            groups.setdefault(recommendation.get_addressed_to_display(), []).append(recommendation)
        return self.render(
            request,
            template="knowledge/research_recommendations.html",
            context_overrides={
                "groups": groups,
                "body": body,
                "body_label": Addressee(body).label if body else "",
                "bodies": Addressee.choices,
            },
        )

    @path("feed/")
    def rss_feed(self, request):
        from knowledge.feeds import PublicationRssFeed

        return PublicationRssFeed(self)(request)

    @path("feed/atom/")
    def atom_feed(self, request):
        from knowledge.feeds import PublicationAtomFeed

        return PublicationAtomFeed(self)(request)

    @path("topics/<slug:topic>/feed/")
    def topic_rss_feed(self, request, topic):
        from knowledge.feeds import PublicationRssFeed

        tag = get_object_or_404(Tag, slug=topic)
        return PublicationRssFeed(self, topic=tag)(request)

    @path("topics/<slug:topic>/feed/atom/")
    def topic_atom_feed(self, request, topic):
        from knowledge.feeds import PublicationAtomFeed

        tag = get_object_or_404(Tag, slug=topic)
        return PublicationAtomFeed(self, topic=tag)(request)
