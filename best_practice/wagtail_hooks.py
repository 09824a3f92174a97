"""Puts the practices a partnership evidences on its public profile, and featured practice and
the coming master classes on the home page."""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.formats import date_format
from wagtail import hooks

from best_practice.models import (
    BestPracticeSectionPage,
    EvidenceItem,
    MasterClassPage,
    MasterClassSectionPage,
    PracticePage,
)
from knowledge.profile_sections import (
    ORGANISATION_SECTIONS_HOOK,
    PROFILE_SECTIONS_HOOK,
    ProfileLink,
    ProfileSection,
)
from portal.home_sections import HOME_SECTIONS_HOOK, HomeSection
from portal.site_structure import first_live_public

FEATURED_PRACTICES = 3
COMING_MASTER_CLASSES = 3


@dataclass(frozen=True)
class FeaturedPractice:
    title: str
    url: str
    summary: str


@dataclass(frozen=True)
class Outcome:
    outcome: str
    effect: str
    practice_title: str
    practice_url: str


@hooks.register(PROFILE_SECTIONS_HOOK)
def outcomes_recorded(request, partnership) -> ProfileSection:
    """The outcomes measured in the evidence items that cite it, with the practice of each."""
    items = (
        EvidenceItem.objects.filter(
            partnership=partnership,
            practice__in=PracticePage.objects.live().public().values("pk"),
        )
        .select_related("practice")
        .only("outcome", "effect", "practice__title", "practice__url_path")  # not whole pages
        .order_by("practice__title", "sort_order")
    )
    return ProfileSection(
        heading="Outcomes recorded in the best-practice library",
        order=20,
        template="best_practice/includes/profile_outcomes.html",
        items=[
            Outcome(
                item.outcome,
                item.get_effect_display(),
                item.practice.title,
                item.practice.get_url(request),
            )
            for item in items
        ],
    )


@hooks.register(ORGANISATION_SECTIONS_HOOK)
def practices_of_organisation(request, organisation, partnerships) -> ProfileSection:
    practices = (
        PracticePage.objects.live()
        .public()
        .filter(evidence_items__partnership__in=partnerships.values("pk"))
        .distinct()
        .order_by("title")
    )
    return ProfileSection(
        heading="Practices its partnerships give evidence for",
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
    library = first_live_public(request, BestPracticeSectionPage)
    return HomeSection(
        title="Featured best practice",
        order=30,
        items=[FeaturedPractice(p.title, p.get_url(request), p.summary) for p in practices],
        more_url=library.get_url(request) if library else "",
        more_label="All practices",
    )


@dataclass(frozen=True)
class ComingMasterClass:
    title: str
    url: str
    summary: str
    date: date


@hooks.register(HOME_SECTIONS_HOOK)
def coming_master_classes(request, home_page) -> HomeSection | None:
    """The next master classes, each with the day applications close while they are open."""
    classes = (
        MasterClassPage.objects.live()
        .public()
        .filter(start_date__gte=timezone.localdate())
        .order_by("start_date", "title")[:COMING_MASTER_CLASSES]
    )
    section = first_live_public(request, MasterClassSectionPage)

    def summary(master_class) -> str:
        taking_part = master_class.taking_part
        if taking_part and taking_part["open"] and taking_part["closes"]:
            return f"{master_class.theme}. Apply by {date_format(taking_part['closes'])}."
        return master_class.theme

    return HomeSection(
        title="Coming master classes",
        order=40,
        items=[
            ComingMasterClass(c.title, c.get_url(request), summary(c), c.start_date)
            for c in classes
        ],
        more_url=section.get_url(request) if section else "",
        more_label="All master classes",
    )
