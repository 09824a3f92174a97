"""axe-core (from the npm registry: `npm ci`, see package.json) run in Chromium on every main
page type of the demo site, at a desktop and a phone width: no serious or critical violation."""

import io
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from best_practice.models import MasterClassPage, PracticePage
from dialogue.models import Commitment, DialogueEventPage
from knowledge.models import (
    Partnership,
    PartnershipsSectionPage,
    PublicationPage,
    ResearchPriorityPage,
)

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = {"desktop": (1280, 800), "phone": (390, 844)}
SERIOUS = ("serious", "critical")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def axe_source() -> str:
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must install axe-core with `npm ci` (make test does).")
        pytest.skip("axe-core is not installed: run `npm ci`")
    return AXE.read_text()


def main_pages() -> list[str]:
    section = PartnershipsSectionPage.objects.get()
    return [
        "/",
        "/search/?q=patrol",
        "/search/?q=zzzzqqq",  # nothing found
        "/best-practice/",
        PracticePage.objects.live().first().url,
        MasterClassPage.objects.live().first().url,
        "/research/library/",
        PublicationPage.objects.live().first().url,
        ResearchPriorityPage.objects.live().first().url,
        section.url,
        section.profile_url(Partnership.objects.public().first()),
        "/national-dialogue/",
        DialogueEventPage.objects.live().first().url,
        f"/national-dialogue/commitments/{Commitment.objects.live().first().pk}/",
        "/reference-group/",
        "/members/sign-in/",
        "/about/",
        "/no-such-page/",
    ]


def test_main_pages_have_no_serious_accessibility_violations(live_server, browser_page, axe_source):
    call_command("load_demo_content", stdout=io.StringIO())
    call_command("rebuild_search_index", stdout=io.StringIO())
    page = browser_page

    def violations() -> list[dict]:
        page.evaluate(axe_source)
        return page.evaluate(
            "axe.run(document, {resultTypes: ['violations']})"
            ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact,"
            " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))})))"
        )

    # the check can fail: an image without alternative text is a critical violation
    page.set_content("<html lang='en'><title>x</title><main><img src='x.png'></main></html>")
    assert "image-alt" in {violation["id"] for violation in violations()}

    found = []
    for width_name, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        for path in main_pages():
            page.goto(f"{live_server.url}{path}")
            result = violations()
            found += [
                f"{path} at {width_name} width: {violation['id']} ({violation['impact']}) "
                f"on {violation['nodes']}"
                for violation in result
                if violation["impact"] in SERIOUS
            ]
    assert found == []
    assert page.csp_violations == []  # axe ran without the page's policy being relaxed
