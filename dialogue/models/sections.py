"""The National dialogue section: the events (upcoming first, then past), their feeds and
calendar, and the public tracker of the commitments they produced."""

from django.http import Http404
from django.template.response import TemplateResponse
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from portal.listing import filtered_listing
from portal.models import SectionIndexPage

EVENTS_PER_PAGE = 12


class DialogueSectionPage(RoutablePageMixin, SectionIndexPage):
    """The National dialogue section: events, their outcomes and commitments."""

    subpage_types = ["dialogue.DialogueEventPage", "portal.StandardPage"]

    class Meta:
        verbose_name = "National dialogue section"

    def events(self):
        from .events import DialogueEventPage

        return DialogueEventPage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        from dialogue.filters import EventFilterForm

        from .events import DialogueEventPage

        context = super().get_context(request, *args, **kwargs)
        context.update(
            filtered_listing(
                request, EventFilterForm(request.GET), self.events(), EVENTS_PER_PAGE, "events"
            ),
            child_pages=context["child_pages"].not_type(DialogueEventPage),
        )
        return context

    def route_context(self, request) -> dict:
        """The plain page context for the tracker's routes: not the event listing, which only
        the section's own page shows."""
        return Page.get_context(self, request)

    def commitment_url(self, commitment) -> str:
        return self.url + self.reverse_subpage("commitment", kwargs={"pk": commitment.pk})

    def get_sitemap_urls(self, request=None):
        from .commitments import Commitment

        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        urls.append({"location": base + self.reverse_subpage("commitments")})
        urls.extend(
            {"location": base + self.reverse_subpage("commitment", kwargs={"pk": pk})}
            for pk in Commitment.objects.live().values_list("pk", flat=True)
        )
        return urls

    @path("")
    def index(self, request):
        return self.render(request)

    @path("commitments/")
    def commitments(self, request):
        from dialogue.tracker import tracker_context

        context = self.route_context(request)
        context.update(tracker_context(request, self))
        return TemplateResponse(request, "dialogue/commitments_tracker.html", context)

    @path("commitments/download/")
    def commitments_download(self, request):
        """The commitments the tracker's filters select, as a spreadsheet (CSV)."""
        from dialogue.commitments_download import commitments_csv

        return commitments_csv(request, self)

    @path("commitments/feed/")
    def commitments_rss(self, request):
        from dialogue.feeds import CommitmentsFeed

        return CommitmentsFeed(self)(request)

    @path("commitments/feed/atom/")
    def commitments_atom(self, request):
        from dialogue.feeds import CommitmentsAtomFeed

        return CommitmentsAtomFeed(self)(request)

    @path("commitments/<int:pk>/")
    def commitment(self, request, pk):
        from .commitments import Commitment

        found = (
            Commitment.objects.live()
            .with_maker()
            .select_related("event")
            .prefetch_related("progress_notes__evidence", "partnerships")
            .filter(pk=pk)
            .first()
        )
        if found is None:
            raise Http404
        from knowledge.models.choices import Visibility
        from portal.documents import may_read

        context = self.route_context(request)
        context.update(
            commitment=found,
            # Evidence in a restricted collection is not named to readers who cannot open it.
            progress=[
                (
                    note,
                    note.evidence if note.evidence and may_read(request, note.evidence) else None,
                )
                for note in found.progress_notes.all()
            ],
            public_partnerships=[
                p for p in found.partnerships.all() if p.visibility == Visibility.PUBLIC
            ],
            tracker_url=self.url + self.reverse_subpage("commitments"),
        )
        return TemplateResponse(request, "dialogue/commitment_page.html", context)

    @path("calendar/")
    def calendar(self, request):
        from dialogue.calendar import calendar_feed_response

        return calendar_feed_response(self, request)

    @path("feed/")
    def rss(self, request):
        from dialogue.feeds import EventsFeed

        return EventsFeed(self)(request)

    @path("feed/atom/")
    def atom(self, request):
        from dialogue.feeds import EventsAtomFeed

        return EventsAtomFeed(self)(request)
