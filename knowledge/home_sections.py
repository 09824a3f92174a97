"""What the knowledge app shows on the home page: register figures (public partnerships
only) and the latest research."""

from dataclasses import dataclass
from datetime import date

from knowledge.models import (
    Partnership,
    PartnershipsSectionPage,
    PublicationPage,
    ResearchLibraryPage,
)
from knowledge.models.choices import PartnershipStatus
from portal.home_sections import HomeSection
from portal.taxonomy import Province


@dataclass(frozen=True)
class ResearchItem:
    title: str
    url: str
    summary: str
    date: date


def provinces_reached(partnerships) -> int:
    covered = set()
    # Distinct combinations only: a few hundred at most, however long the register grows.
    for provinces in partnerships.order_by().values_list("provinces", flat=True).distinct():
        covered.update(provinces)
    if Province.NATIONAL in covered:
        return len(Province.provinces_only())
    return len(covered)


def register_figures(request, home_page) -> HomeSection | None:
    public = Partnership.objects.public()
    total = public.count()
    if not total:
        return None
    section = PartnershipsSectionPage.objects.live().public().first()
    return HomeSection(
        title="The partnership register",
        kind="figures",
        order=10,
        items=[
            ("Public partnerships", total),
            ("Active now", public.filter(status=PartnershipStatus.ACTIVE).count()),
            ("Provinces reached", provinces_reached(public)),
        ],
        more_url=section.url if section else "",
        more_label="Browse the partnerships",
    )


LATEST_RESEARCH_COUNT = 3


def latest_research(request, home_page) -> HomeSection | None:
    publications = list(
        PublicationPage.objects.live()
        .public()
        .order_by("-publication_date")[:LATEST_RESEARCH_COUNT]
    )
    library = ResearchLibraryPage.objects.live().public().first()
    return HomeSection(
        title="Latest research",
        order=20,
        items=[
            ResearchItem(
                p.title, p.get_url(request), p.introduction or p.abstract[:200], p.publication_date
            )
            for p in publications
        ],
        more_url=library.get_url(request) if library else "",
        more_label="All research",
    )
