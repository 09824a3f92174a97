"""Puts the practices a partnership evidences on its public profile, and featured practice on
the home page."""

from dataclasses import dataclass

from wagtail import hooks

from best_practice.models import BestPracticeSectionPage, PracticePage
from knowledge.profile_sections import PROFILE_SECTIONS_HOOK, ProfileLink, ProfileSection
from portal.home_sections import HOME_SECTIONS_HOOK, HomeSection

FEATURED_PRACTICES = 3


@dataclass(frozen=True)
class FeaturedPractice:
    title: str
    url: str
    summary: str


@hooks.register(PROFILE_SECTIONS_HOOK)
def practices_evidenced(request, partnership) -> ProfileSection:
    practices = (
        PracticePage.objects.live()
        .public()
        .filter(evidence_items__partnership=partnership)
        .distinct()
        .order_by("title")
    )
    return ProfileSection(
        heading="Practices it gives evidence for",
        order=20,
        items=[
            ProfileLink(p.title, p.get_url(request), p.get_strategy_category_display())
            for p in practices
        ],
    )


@hooks.register(HOME_SECTIONS_HOOK)
def featured_practice(request, home_page) -> HomeSection | None:
    practices = (
        PracticePage.objects.live()
        .public()
        .exclude(evidence_rating="")
        .order_by("-priority_score", "title")[:FEATURED_PRACTICES]
    )
    library = BestPracticeSectionPage.objects.live().public().first()
    return HomeSection(
        title="Featured best practice",
        order=30,
        items=[FeaturedPractice(p.title, p.get_url(request), p.summary) for p in practices],
        more_url=library.get_url(request) if library else "",
        more_label="All practices",
    )
