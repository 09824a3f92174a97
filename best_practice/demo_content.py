"""Demo best practice: two practices per strategy, evidence tied to the demo register, and one
master class. Written in the project's own words from facts in the seed documents."""

import datetime

from best_practice.models import (
    BestPracticeSectionPage,
    EvidenceGuidePage,
    EvidenceItem,
    Facilitator,
    MasterClassPage,
    MasterClassSectionPage,
    PracticePage,
)
from best_practice.models.choices import (
    Audience,
    EffectDirection,
    EvidenceRating,
    EvidenceStrength,
    Structure,
)
from knowledge.models import Organisation, Partnership, PublicationPage
from portal.demo_helpers import Log, ensure_child_page, placeholder_document
from portal.taxonomy import Province as P
from portal.taxonomy import Setting as S
from portal.taxonomy import StrategyCategory as C

UP, SAME = EffectDirection.IMPROVED, EffectDirection.NO_CHANGE

PRACTICES = [
    {
        "slug": "safe-routes-to-school",
        "title": "Safe routes to school",
        "category": C.TARGET_HARDENING,
        "settings": [S.PERI_URBAN, S.RURAL],
        "problem": "Learners are robbed on the same stretches of road, at the same times.",
        "summary": "Forums, police and schools map the risky stretches, clear hiding places, "
        "light them where they can, and put adults on them at the start and end of the day.",
        "mechanism": "Fewer hiding places and more watching adults make robbery harder and "
        "riskier at the places where it happens.",
        "steps": "Map routes with learners\nClear bush and fix lights\nRoster patrollers",
        "structures": [Structure.CPF, Structure.SAPS],
        "provinces": [P.EASTERN_CAPE],
        "rating": EvidenceRating.PROMISING,
        "strength": EvidenceStrength.ONE_STUDY,
        "impact": 4,
        "ease": 4,
        "evidence": [("Mthatha safer schools patrols", None, "Robberies of learners", UP)],
    },
    {
        "slug": "lighting-in-informal-settlements",
        "title": "Lighting and safe spaces in informal settlements",
        "category": C.TARGET_HARDENING,
        "settings": [S.INFORMAL_SETTLEMENT],
        "problem": "Dark paths to toilets and taps are where people are attacked at night.",
        "summary": "Residents and the municipality light the paths people must use at night "
        "and build small, overlooked public spaces.",
        "mechanism": "People can see and be seen, so attackers lose cover.",
        "steps": "Walk the area at night with residents\nLight the paths they choose\nKeep lights "
        "working",
        "structures": [Structure.MUNICIPALITY, Structure.NGO],
        "provinces": [P.WESTERN_CAPE],
        "rating": EvidenceRating.PROMISING,
        "strength": EvidenceStrength.ONE_STUDY,
        "impact": 4,
        "ease": 2,
        "evidence": [
            (
                "SPRINT area-based violence prevention laboratory",
                None,
                "Residents' sense of safety at night",
                UP,
            )
        ],
    },
    {
        "slug": "area-coordination-teams",
        "title": "Area coordination teams",
        "category": C.PLACE_BASED,
        "settings": [S.URBAN, S.INFORMAL_SETTLEMENT],
        "problem": "Departments each act alone in the same neighbourhood, and nobody owns the "
        "whole picture.",
        "summary": "One team of municipal officials, police and community organisations plans "
        "and reviews violence prevention for one area.",
        "mechanism": "Shared planning puts the right service in the right place at the right time.",
        "steps": "Agree the area\nForm the team with decision-makers\nMeet monthly on one plan",
        "structures": [Structure.MUNICIPALITY, Structure.SAPS, Structure.NGO],
        "provinces": [P.NATIONAL],
        "rating": EvidenceRating.PROMISING,
        "strength": EvidenceStrength.SEVERAL_CONSISTENT,
        "impact": 5,
        "ease": 2,
        "evidence": [
            (
                "SPRINT area-based violence prevention laboratory",
                "area-coordination-learning-brief",
                "Teams able to plan jointly",
                UP,
            )
        ],
    },
    {
        "slug": "watch-groups-in-crisis-communication",
        "title": "Community watch groups in a city's crisis communication",
        "category": C.PLACE_BASED,
        "settings": [S.URBAN, S.SUBURBAN],
        "problem": "In a crisis the city learns late what residents already see.",
        "summary": "Watch groups report into the city's joint operations centre and pass the "
        "city's alerts back to their streets.",
        "mechanism": "A direct line cuts the time between seeing a threat and acting on it.",
        "steps": "Register the watch groups\nAgree a reporting format\nRehearse with a dry run",
        "structures": [Structure.NEIGHBOURHOOD_WATCH, Structure.MUNICIPALITY],
        "provinces": [P.WESTERN_CAPE],
        "rating": EvidenceRating.PROMISING,
        "strength": EvidenceStrength.ONE_STUDY,
        "impact": 4,
        "ease": 3,
        "evidence": [
            (
                "Civil Security Cooperation Initiative pilot",
                None,
                "Minutes from report to city alert in the dry run",
                UP,
            )
        ],
    },
    {
        "slug": "cross-border-stock-theft-tracking",
        "title": "Tracking stock-theft offenders across provincial borders",
        "category": C.OFFENDER_BASED,
        "settings": [S.RURAL],
        "problem": "Stock thieves move animals across provincial lines where records stop.",
        "summary": "Farmers' associations and police in neighbouring provinces share "
        "information on known offenders and stolen stock.",
        "mechanism": "Offenders lose the cover of the boundary between jurisdictions.",
        "steps": "Agree what to share\nShare a radio and messaging channel\nReview cases jointly",
        "structures": [Structure.SAPS, Structure.NEIGHBOURHOOD_WATCH],
        "provinces": [P.NORTHERN_CAPE, P.NORTH_WEST],
        "rating": EvidenceRating.MIXED,
        "strength": EvidenceStrength.ONE_STUDY,
        "impact": 3,
        "ease": 3,
        "evidence": [
            (
                "Northern Cape and North West rural safety partnership",
                None,
                "Stock theft cases opened",
                SAME,
            )
        ],
    },
    {
        "slug": "youth-diversion-with-ngos",
        "title": "Diversion of young first offenders with NGOs",
        "category": C.OFFENDER_BASED,
        "settings": [S.URBAN],
        "problem": "Young first offenders who go through the courts often offend again.",
        "summary": "Police refer young first offenders to NGO programmes instead of court, "
        "where the law allows.",
        "mechanism": "Support and accountability without a record keep young people out of crime.",
        "steps": "Agree referral criteria\nTrain station members\nFollow up each referral",
        "structures": [Structure.SAPS, Structure.NGO],
        "provinces": [],
        "rating": "",
        "strength": "",
        "impact": 4,
        "ease": 3,
        "evidence": [],
    },
    {
        "slug": "community-in-blue-night-patrols",
        "title": "Community in Blue night patrols",
        "category": C.PATROL,
        "settings": [S.URBAN],
        "problem": "Street robberies cluster at taxi ranks and on main routes after dark.",
        "summary": "Trained volunteers patrol with police at the places and hours where "
        "robberies cluster.",
        "mechanism": "Visible, trained presence deters robbers and speeds up reporting.",
        "steps": "Map hot spots and hours\nTrain volunteers\nPatrol with police, never alone",
        "structures": [Structure.COMMUNITY_IN_BLUE, Structure.SAPS],
        "provinces": [P.GAUTENG],
        "rating": EvidenceRating.PROMISING,
        "strength": EvidenceStrength.ONE_STUDY,
        "impact": 4,
        "ease": 4,
        "evidence": [
            ("Orlando Community in Blue night patrols", None, "Street robberies on routes", UP)
        ],
    },
    {
        "slug": "farm-watch-patrols",
        "title": "Farm watch patrols with police",
        "category": C.PATROL,
        "settings": [S.RURAL],
        "problem": "Farms are far apart and police stations far away.",
        "summary": "Farmers' safety associations patrol farm roads with police on a shared "
        "radio network.",
        "mechanism": "More eyes on remote roads, and faster police response when needed.",
        "steps": "Join the radio network\nPatrol with police present\nLog every incident",
        "structures": [Structure.NEIGHBOURHOOD_WATCH, Structure.SAPS],
        "provinces": [P.NORTHERN_CAPE, P.NORTH_WEST],
        "rating": EvidenceRating.MIXED,
        "strength": EvidenceStrength.ONE_STUDY,
        "impact": 3,
        "ease": 4,
        "evidence": [
            (
                "Northern Cape and North West rural safety partnership",
                None,
                "Response time to farm incidents",
                UP,
            )
        ],
    },
    {
        "slug": "police-and-sex-worker-liaison",
        "title": "Police and sex-worker liaison",
        "category": C.LEGITIMACY_BASED,
        "settings": [S.URBAN],
        "problem": "Sex workers do not report crimes against them, and complaints about police "
        "conduct go nowhere.",
        "summary": "Named liaison members at stations, trained with sex-worker organisations, "
        "take complaints and reports through an agreed route.",
        "mechanism": "Respectful treatment builds trust, and trust brings reports.",
        "steps": "Agree the complaints route\nTrain liaison members\nReview cases together "
        "every quarter",
        "structures": [Structure.SAPS, Structure.NGO],
        "provinces": [P.WESTERN_CAPE, P.GAUTENG],
        "rating": EvidenceRating.PROMISING,
        "strength": EvidenceStrength.SEVERAL_CONSISTENT,
        "impact": 4,
        "ease": 3,
        "evidence": [
            (
                "Positive Policing Partnership",
                "policing-and-sex-workers-rights",
                "Complaints resolved through the agreed route",
                UP,
            )
        ],
    },
    {
        "slug": "safety-forums-in-municipal-planning",
        "title": "Safety forums in municipal planning",
        "category": C.LEGITIMACY_BASED,
        "settings": [S.RURAL, S.PERI_URBAN],
        "problem": "Residents' safety concerns never reach the municipal plan.",
        "summary": "The community safety forum prepares a safety plan with residents and the "
        "municipality adopts it into its own planning.",
        "mechanism": "Being heard makes residents more willing to work with police and the "
        "municipality.",
        "steps": "Hold open forum meetings\nDraft the plan with residents\nPresent it to council",
        "structures": [Structure.CSF, Structure.MUNICIPALITY],
        "provinces": [P.LIMPOPO],
        "rating": EvidenceRating.INSUFFICIENT,
        "strength": EvidenceStrength.ONE_STUDY,
        "impact": 3,
        "ease": 3,
        "evidence": [
            ("Vhembe community safety forum support", None, "Forum plan adopted by council", SAME)
        ],
    },
]


def _load_practices(library: BestPracticeSectionPage, log: Log) -> dict[str, PracticePage]:
    practices = {}
    for spec in PRACTICES:
        existing = library.get_children().filter(slug=spec["slug"]).first()
        if existing is not None:
            practices[spec["slug"]] = existing.specific
            continue
        practice = PracticePage(
            slug=spec["slug"],
            title=spec["title"],
            introduction=spec["summary"],
            strategy_category=spec["category"],
            place_settings=spec["settings"],
            problem=spec["problem"],
            summary=spec["summary"],
            mechanism=spec["mechanism"],
            implementation_steps=spec["steps"],
            structures=spec["structures"],
            provinces_implemented=spec["provinces"],
            evidence_rating=spec["rating"],
            evidence_strength=spec["strength"],
            effect_note="See the evidence items below." if spec["evidence"] else "",
            expected_impact=spec["impact"],
            ease_of_implementation=spec["ease"],
        )
        for order, (partnership, publication, outcome, effect) in enumerate(spec["evidence"]):
            practice.evidence_items.add(
                EvidenceItem(
                    partnership=Partnership.objects.filter(title=partnership).first(),
                    publication=PublicationPage.objects.filter(slug=publication).first()
                    if publication
                    else None,
                    outcome=outcome,
                    effect=effect,
                    sort_order=order,
                )
            )
        library.add_child(instance=practice)
        practice.save_revision().publish()
        log(f"Created practice {practice.url_path}")
        practices[spec["slug"]] = practice
    return practices


def _load_master_class(section: MasterClassSectionPage, practices: dict, log: Log) -> None:
    if section.get_children().filter(slug="community-policing-in-practice").exists():
        return
    modules = [
        (
            "What community policing asks of a station",
            "Explain the roles of the station, the forum and the community\nName what a "
            "station owes its forum",
            "community-policing-roles",
        ),
        (
            "Planning a joint patrol",
            "Choose hot spots and hours from data\nBrief volunteers on their limits",
            "joint-patrol-planning",
        ),
        (
            "Working with people who distrust the police",
            "Agree a complaints route with a civil-society partner\nReview cases together",
            "working-with-distrust",
        ),
    ]
    master_class = MasterClassPage(
        slug="community-policing-in-practice",
        title="Community policing in practice",
        introduction="A two-day master class for station commanders, forum members and "
        "provincial staff on practices with evidence behind them.",
        theme="Community policing that works, taught from South African partnerships",
        audience=[Audience.SAPS, Audience.CPF, Audience.PROVINCIAL_SECRETARIAT],
        start_date=datetime.date.today() + datetime.timedelta(days=75),
        end_date=datetime.date.today() + datetime.timedelta(days=76),
        venue="Pretoria, with an online stream",
        how_to_take_part="For station commanders, CPF executive members and provincial "
        "secretariat staff. Provincial secretariats nominate up to four people each; "
        "practitioners may also apply themselves.",
        contact_email="partnerships@example.gov.za",
        applications_close=datetime.date.today() + datetime.timedelta(days=45),
        learning_outcomes="Plan a joint patrol with a forum\nSet up a complaints route with a "
        "civil-society partner\nFind evidence for a practice in the library",
        modules=[
            (
                "module",
                {
                    "title": title,
                    "outcomes": outcomes,
                    "materials": [placeholder_document(f"{title} (slides)", slug)],
                    "videos": [],
                    "links": [],
                },
            )
            for title, outcomes, slug in modules
        ],
    )
    master_class.partner_institutions.set(
        Organisation.objects.filter(name="Institute for Security Studies")
    )
    master_class.practices.set(
        [
            practices[slug]
            for slug in (
                "community-in-blue-night-patrols",
                "area-coordination-teams",
                "police-and-sex-worker-liaison",
            )
            if slug in practices
        ]
    )
    master_class.facilitators.add(Facilitator(name="Facilitator from the Secretariat"))
    section.add_child(instance=master_class)
    master_class.save_revision().publish()
    log(f"Created master class {master_class.url_path}")


EVIDENCE_GUIDE = {
    "title": "How we rate evidence",
    "introduction": "What a practice's rating, strength of evidence, EMMIE notes and priority "
    "tell you, and how editors decide them.",
    "rating_explanation": "A rating says what the evidence found: whether the practice reduced "
    "the problem it targets, showed early signs of doing so, gave mixed results, made no "
    "difference, or has not been studied well enough to say.\n\nThe strength of evidence says "
    "how much that verdict rests on: a single study, several studies that agree, or a "
    "systematic review of many. A practice can be rated effective on one study; read both "
    "together before you rely on it.",
    "emmie_explanation": "Each rated practice carries five short notes: the effect that was "
    "found, the mechanism thought to produce it, the moderators (conditions under which it "
    "works better or worse), what it takes to implement, and what it costs. A rating without "
    "these notes would not tell you whether the practice fits your place.",
    "priority_explanation": "Editors score each practice from 1 to 5 for the impact they expect "
    "it to have and for how easy it is to put in place. The priority is the two multiplied: 25 "
    "is a practice that is both powerful and easy. The grid shows every score and the band it "
    "falls in; the library lists practices by priority unless you choose another order.",
}


def load(log: Log) -> None:
    library = BestPracticeSectionPage.objects.live().first()
    if library is None:
        return
    practices = _load_practices(library, log)
    ensure_child_page(library, EvidenceGuidePage, "how-we-rate-evidence", log, **EVIDENCE_GUIDE)
    section = MasterClassSectionPage.objects.live().first()
    if section is not None:
        _load_master_class(section, practices, log)
