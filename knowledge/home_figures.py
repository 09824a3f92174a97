"""Register figures for the public home page, counted over public partnerships only."""

from knowledge.models import Partnership, PartnershipsSectionPage
from knowledge.models.choices import PartnershipStatus
from portal.home_sections import HomeSection
from portal.taxonomy import Province


def provinces_reached(partnerships) -> int:
    covered = set()
    for provinces in partnerships.values_list("provinces", flat=True):
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
