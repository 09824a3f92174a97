"""The demo register and research load once, show every kind of flag, and tie together."""

import hashlib

import pytest
from django.core.management import call_command
from django.utils import timezone

from knowledge.flags import Flag
from knowledge.models import (
    KPI,
    Agreement,
    AnnualReview,
    Cost,
    Organisation,
    Partnership,
    PartnershipParty,
    PublicationPage,
    ResearchPriorityPage,
    ResearchProject,
    Risk,
)
from knowledge.portfolio import portfolio_summary

pytestmark = pytest.mark.django_db

REGISTER_MODELS = [
    Organisation,
    Partnership,
    PartnershipParty,
    KPI,
    Risk,
    Cost,
    Agreement,
    AnnualReview,
]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in REGISTER_MODELS}


def test_demo_register_loads_once():
    call_command("load_demo_content", verbosity=0)
    first = counts()
    references = sorted(Partnership.objects.values_list("reference", flat=True))

    call_command("load_demo_content", verbosity=0)

    assert counts() == first
    assert sorted(Partnership.objects.values_list("reference", flat=True)) == references
    assert first["Partnership"] >= 12
    assert Partnership.objects.filter(title="Positive Policing Partnership").exists()


def test_demo_register_shows_every_flag_the_register_computes():
    call_command("load_demo_content", verbosity=0)

    flagged = dict(portfolio_summary(timezone.localdate()).by_flag)

    for flag in (
        Flag.NATIONAL_CANDIDATE,
        Flag.AGREEMENT_EXPIRED,
        Flag.AGREEMENT_EXPIRING,
        Flag.SCAN_MISSING,
        Flag.NO_SIGNED_AGREEMENT,
        Flag.REVIEW_OVERDUE,
        Flag.NO_RISK_ANALYSIS,
        Flag.NO_COST_ESTIMATE,
        Flag.LIKELY_DUPLICATE,
    ):
        assert flagged[flag] >= 1, flag


def test_demo_scans_are_pdfs_with_matching_checksums():
    call_command("load_demo_content", verbosity=0)

    scanned = Agreement.objects.exclude(signed_scan="")
    assert scanned.exists()
    for agreement in scanned:
        with agreement.signed_scan.open("rb") as scan:
            content = scan.read()
        assert content.startswith(b"%PDF-")
        assert hashlib.sha256(content).hexdigest() == agreement.scan_sha256


def test_demo_research_is_tied_to_the_register_and_loads_once():
    call_command("load_demo_content", verbosity=0)
    call_command("load_demo_content", verbosity=0)

    publications = PublicationPage.objects.live()
    assert publications.count() == 3
    assert ResearchPriorityPage.objects.count() == 4
    assert ResearchProject.objects.count() == 1
    report = publications.get(slug="policing-and-sex-workers-rights")
    assert [p.title for p in report.partnerships.all()] == ["Positive Policing Partnership"]
    for publication in publications:
        assert publication.authors.exists()
        document = publication.documents.get().document
        # Helvetica's apostrophe comes back as a typographic one.
        text = document.extracted_text.replace("\n", " ").replace("\u2019", "'")
        assert publication.title in text
