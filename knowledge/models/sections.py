"""The Research and Partnerships sections of the site."""

from django.shortcuts import get_object_or_404
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from portal.listing import filtered_listing
from portal.models import SectionIndexPage

from .partnerships import Partnership

PROFILES_PER_PAGE = 20


class ResearchSectionPage(SectionIndexPage):
    """The Research section: the research agenda and the research library live beneath it."""

    subpage_types = [
        "knowledge.ResearchAgendaPage",
        "knowledge.ResearchLibraryPage",
        "portal.StandardPage",
    ]

    class Meta:
        verbose_name = "Research section"


class PartnershipsSectionPage(RoutablePageMixin, SectionIndexPage):
    """The Partnerships section: a filterable list of public register entries, and a profile
    for each at /partnerships/<reference>/ (a stable address, since references never change).
    """

    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = "Partnerships section"

    def profile_url(self, partnership) -> str:
        """The public address of a partnership's profile ('' for an internal one)."""
        if not partnership.is_public:
            return ""
        return self.url + self.reverse_subpage(
            "partnership_profile", kwargs={"reference": partnership.reference}
        )

    def get_sitemap_urls(self, request=None):
        """The section itself and every public partnership profile."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        for reference, updated_at in Partnership.objects.public().values_list(
            "reference", "updated_at"
        ):
            urls.append({"location": f"{base}{reference}/", "lastmod": updated_at})
        return urls

    @path("")
    def partnership_list(self, request):
        from knowledge.public_filters import PartnershipFilterForm

        partnerships = Partnership.objects.public().prefetch_related("parties__organisation")
        context = filtered_listing(
            request,
            PartnershipFilterForm(request.GET),
            partnerships.order_by("reference"),
            PROFILES_PER_PAGE,
            "partnerships",
        )
        return self.render(request, context_overrides=context)

    @re_path(r"^(?P<reference>[A-Z]+-\d{4}-\d{4,})/$")
    def partnership_profile(self, request, reference):
        partnership = get_object_or_404(
            Partnership.objects.public().prefetch_related("parties__organisation"),
            reference=reference,
        )
        from knowledge.profile_sections import collect_profile_sections

        from .publications import PublicationPage

        publications = (
            PublicationPage.objects.live()
            .public()
            .filter(partnerships=partnership)
            .order_by("-publication_date")
        )
        return self.render(
            request,
            template="knowledge/partnership_profile.html",
            context_overrides={
                "partnership": partnership,
                "publications": publications,
                "profile_sections": collect_profile_sections(request, partnership),
            },
        )
