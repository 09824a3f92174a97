"""A public partnership's profile as the register and the evidence citing it describe it: its
facts, parties, achievements, the research and other sections that cite it.

Reading and rendering it is most of the profile's cost (seven queries and a KPI table with
charts), and it is the same for every reader without a session, so it is kept per generation
(``portal/kept_bodies.py``): any change to the partnership, its parties, KPIs, measurements,
reviews or agreements, a page citing it published or withdrawn, an assessment published,
replaces the generation, and a partnership made internal is not found the next time it is asked
for. The share links (the address asked for) stay outside it, and signed-in readers, who may be
offered actions (a member's "Assess this partnership"), have it rendered for them.
"""

from dataclasses import dataclass

from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from portal.kept_bodies import kept_for_readers

from . import achievements
from .models import Partnership
from .profile_sections import collect_profile_sections

BODY_TEMPLATE = "knowledge/includes/partnership_profile_body.html"


@dataclass(frozen=True)
class ProfileBody:
    reference: str
    title: str
    summary: str
    html: SafeString


def profile_body(request, section, reference: str) -> ProfileBody:
    """The profile of the public partnership ``reference`` under ``section``; Http404 if there
    is none the public may see."""
    return kept_for_readers(
        request, f"partnership-profile:{reference}", lambda: _render(request, section, reference)
    )


def _render(request, section, reference: str) -> ProfileBody:
    """The body rendered; Http404 (nothing kept: only what exists fills the cache)."""
    partnership = get_object_or_404(
        achievements.with_public_record(Partnership.objects.public().with_public_parties()),
        reference=reference,
    )
    from .models.publications import PublicationPage

    publications = (
        PublicationPage.objects.live()
        .public()
        .filter(partnerships=partnership)
        .only("title", "url_path", "publication_type", "publication_date")  # what it lists
        .order_by("-publication_date")
    )
    html = render_to_string(
        BODY_TEMPLATE,
        {
            "page": section,
            "partnership": partnership,
            "publications": publications,
            "profile_sections": collect_profile_sections(request, partnership),
            "kpis": achievements.public_kpis(partnership),
            "review": achievements.latest_public_review(partnership),
            "agreement": achievements.signed_agreement(partnership),
        },
        request,
    )
    return ProfileBody(partnership.reference, partnership.title, partnership.summary, html)
