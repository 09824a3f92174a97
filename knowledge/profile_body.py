"""A public partnership's profile as the register and the evidence citing it describe it: its
facts, parties, achievements, the research and other sections that cite it.

That body is the same for every anonymous reader, and reading and rendering it is most of the
profile's cost (seven queries and a KPI table with charts). While the page cache is on it is
kept, rendered, in the pages cache (shared by every worker) under the page cache's generation
(``portal/page_cache.py``), which any change readers could see replaces: the partnership, its
parties, KPIs, measurements, reviews and agreements, a page citing it published or withdrawn, an
assessment published. It is therefore never older than what it shows, and a partnership made
internal is not found the next time it is asked for. What depends on the reader stays out of
it: the share links (the address asked for) and, for signed-in people, the actions a section
offers them (a member's "Assess this partnership"). Signed-in readers have the body rendered for
them and never kept.
"""

from dataclasses import dataclass

from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from portal.site_structure import remembered

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
    if request.user.is_authenticated:
        return _render(request, section, reference)
    return remembered(
        request,
        f"partnership-profile:{reference}",
        lambda: _render(request, section, reference),
        using="pages",
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
