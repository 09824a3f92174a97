"""Demo content for the portal itself: the section tree, an about page and the POPIA notice.

Written in the project's own words from facts in the Partnership Strategy; content apps add
their own material in their ``demo_content`` modules.
"""

from django.apps import apps
from wagtail.models import Site

from portal import demo_glossary
from portal.demo_helpers import Log, ensure_child_page, paragraphs
from portal.models import FooterSettings, HomePage, StandardPage

SECTIONS = [
    (
        "knowledge.ResearchSectionPage",
        "research",
        "Research",
        "The research agenda for community safety and the studies, evaluations and briefs "
        "that answer it.",
    ),
    (
        "best_practice.BestPracticeSectionPage",
        "best-practice",
        "Best practice",
        "Crime-prevention practices that have been tried in South African communities, rated "
        "on the strength of their evidence.",
    ),
    (
        "best_practice.MasterClassSectionPage",
        "master-classes",
        "Master classes",
        "Short courses in which practitioners learn proven community-policing practice from "
        "each other and from researchers.",
    ),
    (
        "dialogue.DialogueSectionPage",
        "national-dialogue",
        "National dialogue",
        "Meetings where police, government and civil society compare experience on safety and "
        "crime prevention, and the commitments that come out of them.",
    ),
    (
        "knowledge.PartnershipsSectionPage",
        "partnerships",
        "Partnerships",
        "Public profiles of the partnerships in the Secretariat's register: who takes part, "
        "where, and what they set out to achieve.",
    ),
    (
        "reference_group.ReferenceGroupSectionPage",
        "reference-group",
        "Reference group",
        "Civil-society groups that look at partnerships independently and publish what they find.",
    ),
]

ABOUT_TEXT = paragraphs(
    "The Civilian Secretariat for Police Service keeps this portal as the knowledge-management "
    "part of its Partnership Strategy. Every item here is evidence about a partnership between "
    "the police, government and the communities they serve.",
    "Research, best practice, dialogue outcomes and independent assessments each point back to "
    "entries in one register of partnerships, so a reader can follow a claim to the people and "
    "agreements behind it.",
)

PRIVACY_TEXT = paragraphs(
    "The portal holds the names and work contact details of people who represent partner "
    "organisations, and the accounts of reference-group members. We keep this information only "
    "to run the partnership register and the members' area, as the Protection of Personal "
    "Information Act (POPIA) allows.",
    "Contact details, agreement scans, costs and risk assessments are visible only to register "
    "staff. Public pages show organisations and partnerships, never private individuals' "
    "details.",
    "To see, correct or delete information about you, write to the Secretariat at the address "
    "in the footer of every page.",
)


def load(log: Log) -> None:
    home = HomePage.objects.first()
    if home is None:
        raise RuntimeError("No home page: run `manage.py migrate` before loading demo content.")

    for model_label, slug, title, introduction in SECTIONS:
        ensure_child_page(
            home, apps.get_model(model_label), slug, log, title=title, introduction=introduction
        )
    ensure_child_page(
        home,
        StandardPage,
        "about",
        log,
        title="About the portal",
        introduction="Why the Secretariat keeps this portal and how its parts fit together.",
        body=ABOUT_TEXT,
        show_in_menus=False,
    )
    privacy_page = ensure_child_page(
        home,
        StandardPage,
        "privacy-notice",
        log,
        title="Privacy notice (POPIA)",
        introduction="What personal information the portal keeps, who can see it, and your rights.",
        body=PRIVACY_TEXT,
    )

    demo_glossary.load(home, log)

    site = Site.objects.get(is_default_site=True)
    if not FooterSettings.objects.filter(site=site).exists():
        footer = FooterSettings(site=site)
        footer.contact_email = "partnerships@example.gov.za"
        footer.contact_phone = "012 000 0000"
        footer.postal_address = "Private Bag X922\nPretoria\n0001"
        footer.privacy_notice_page = privacy_page
        footer.save()
        log("Filled in the footer's contact details")
