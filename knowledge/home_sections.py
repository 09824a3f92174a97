"""What the knowledge app shows on the home page: register figures (public partnerships
only) and the latest research."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, Q
from django.utils.text import Truncator

from knowledge.models import (
    Partnership,
    PartnershipsSectionPage,
    PublicationPage,
    ResearchLibraryPage,
)
from knowledge.models.choices import PartnershipStatus
from portal.home_sections import HomeSection
from portal.site_structure import first_live_public, remembered
from portal.taxonomy import Province


@dataclass(frozen=True)
class ResearchItem:
    title: str
    url: str
    summary: str
    date: date


def register_counts(partnerships) -> dict:
    """Total, active and provinces reached, in two queries whatever the register's size: one
    pass to count, and each province looked for until its first partnership is found rather than
    counted (a national partnership reaches them all). Only a province that no public
    partnership reaches is looked for through the whole register. (An index on visibility would
    spare the pass, but SQLite would then read the register's list through it and sort it
    rather than walk the reference's index.)"""
    counts = partnerships.aggregate(
        total=Count("pk"), active=Count("pk", filter=Q(status=PartnershipStatus.ACTIVE))
    )
    reaching = {
        value: Exists(partnerships.filter(provinces__has=value)) for value in Province.values
    }
    found = partnerships.model.objects.annotate(**reaching).values(*Province.values).first() or {}
    if found.get(Province.NATIONAL):
        reached = len(Province.provinces_only())
    else:
        reached = sum(1 for p in Province.provinces_only() if found.get(p))
    return {"total": counts["total"], "active": counts["active"], "provinces": reached}


def register_figures(request, home_page) -> HomeSection | None:
    # Counted over the whole register: kept per generation, which any register change replaces.
    counts = remembered(
        request, "home-register-counts", lambda: register_counts(Partnership.objects.public())
    )
    if not counts["total"]:
        return None
    section = first_live_public(request, PartnershipsSectionPage)
    return HomeSection(
        title="The partnership register",
        kind="figures",
        order=10,
        items=[
            ("Public partnerships", counts["total"]),
            ("Active now", counts["active"]),
            ("Provinces reached", counts["provinces"]),
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
    library = first_live_public(request, ResearchLibraryPage)
    return HomeSection(
        title="Latest research",
        order=20,
        items=[
            ResearchItem(
                p.title,
                p.get_url(request),
                p.introduction or Truncator(p.abstract).words(30),
                p.publication_date,
            )
            for p in publications
        ],
        more_url=library.get_url(request) if library else "",
        more_label="All research",
    )
