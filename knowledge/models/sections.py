"""The Research and Partnerships sections of the site."""

from urllib.parse import urlencode

from django.shortcuts import get_object_or_404
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from portal.listing import filtered_listing
from portal.models import SectionIndexPage
from portal.site_structure import remembered
from portal.taxonomy import Province

from .organisations import Organisation
from .partnerships import Partnership
from .references import REFERENCE_PATTERN

PROFILES_PER_PAGE = 20
# An organisation's page lists its latest public partnerships and links to the register's list
# of them all: a police station may take part in hundreds.
ORGANISATION_PARTNERSHIPS = 20


def followed_partnerships(province: str) -> dict:
    """The search feed of newly registered public partnerships (of a province, when the list is
    narrowed to one): its query string and what it follows, in words."""
    params = {"kind": "partnership"}
    label = ""
    if province in Province.values:
        params["province"] = province
        label = Province(province).label
    return {"query": urlencode(params), "province": label}


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

    def organisation_url(self, organisation) -> str:
        """The public page of an organisation that takes part in a public partnership."""
        return self.url + self.reverse_subpage(
            "organisation_profile", kwargs={"pk": organisation.pk}
        )

    def get_sitemap_urls(self, request=None):
        """The section itself, every public partnership profile and every public organisation."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        for reference, updated_at in Partnership.objects.public().values_list(
            "reference", "profile_updated_at"
        ):
            urls.append({"location": f"{base}{reference}/", "lastmod": updated_at})
        for pk in Organisation.objects.public().values_list("pk", flat=True):
            urls.append({"location": f"{base}organisations/{pk}/"})
        return urls

    @path("")
    def partnership_list(self, request):
        from knowledge.public_filters import PartnershipFilterForm
        from knowledge.register_charts import filtered_link, register_charts

        partnerships = Partnership.objects.public()
        context = filtered_listing(
            request,
            PartnershipFilterForm(request.GET),
            partnerships,  # in the order the form chooses (by reference unless sorted)
            PROFILES_PER_PAGE,
            "partnerships",
            total_key=f"partnerships:{self.pk}",
        )
        context["follow"] = followed_partnerships(request.GET.get("province", ""))
        if not context["filters_applied"]:
            # Counted over the whole register: kept per generation (portal/site_structure.py).
            context["charts"] = remembered(
                request,
                f"register-charts:{self.pk}",
                lambda: register_charts(partnerships, filtered_link(self.url)),
            )
        return self.render(request, context_overrides=context)

    @path("download/")
    def register_download(self, request):
        """The partnerships the listing's filters select, as a spreadsheet (CSV)."""
        from knowledge.public_filters import PartnershipFilterForm
        from knowledge.register_download import register_csv

        return register_csv(request, self, PartnershipFilterForm(request.GET))

    @re_path(rf"^(?P<reference>{REFERENCE_PATTERN})/$")
    def partnership_profile(self, request, reference):
        from knowledge.profile_body import profile_body

        return self.render(
            request,
            template="knowledge/partnership_profile.html",
            context_overrides={"profile": profile_body(request, self, reference)},
        )

    @path("organisations/<int:pk>/")
    def organisation_profile(self, request, pk):
        """An organisation's public page: only for one in a public partnership, never with
        its contact person, and listing only its public partnerships."""
        from knowledge.profile_sections import collect_organisation_sections

        organisation = get_object_or_404(Organisation.objects.public(), pk=pk)
        partnerships = Partnership.objects.public().filter(
            pk__in=organisation.partnership_roles.values("partnership")
        )
        listed = partnerships.only("reference", "title", "level", "status").order_by(
            "-start_date", "-reference"
        )[:ORGANISATION_PARTNERSHIPS]
        every_one = urlencode({"partner": organisation.pk, "sort": "newest"})
        return self.render(
            request,
            template="knowledge/organisation_profile.html",
            context_overrides={
                "organisation": organisation,
                "partnerships": listed,
                "partnership_count": partnerships.count(),
                "all_partnerships_url": f"{self.url}?{every_one}",
                "organisation_sections": collect_organisation_sections(
                    request, organisation, partnerships
                ),
            },
        )
