"""Demo research: the agenda from strategy 4.1.2 and a few publications tied to the register.

All texts are the project's own summaries of facts in the seed documents.
"""

import datetime

from knowledge.models import (
    Partnership,
    PublicationAuthor,
    PublicationDocument,
    PublicationPage,
    PublicationRecommendation,
    ResearchAgendaPage,
    ResearchLibraryPage,
    ResearchPriorityPage,
    ResearchProject,
    ResearchSectionPage,
)
from knowledge.models.research_choices import (
    Addressee,
    PriorityStatus,
    ProjectStatus,
    PublicationType,
    ResearchMethod,
    ResearchScope,
    ResponsibleBody,
)
from portal.demo_helpers import Log, ensure_child_page, paragraphs, placeholder_document
from portal.taxonomy import Province, Setting, StrategicThrust

PRIORITIES = [
    {
        "slug": "early-warning-problem-areas",
        "title": "Problem areas for early intervention",
        "problem_area": "Which places and problems need attention before they become crises, "
        "and how the police can hear about them in time.",
        "why_it_matters": "Early warning lets police and communities act together while a "
        "problem is still small.",
        "scope": ResearchScope.NATIONAL,
        "methods": [ResearchMethod.ADMINISTRATIVE_DATA, ResearchMethod.FOCUS_GROUPS],
        "responsible_bodies": [
            ResponsibleBody.SECRETARIAT,
            ResponsibleBody.PROVINCIAL_SECRETARIATS,
        ],
        "months": 6,
        "status": PriorityStatus.IN_PROGRESS,
        "partnerships": ["Civil Security Cooperation Initiative pilot"],
    },
    {
        "slug": "community-interaction",
        "title": "Ongoing interaction with communities",
        "problem_area": "How regular contact between police, forums and residents can improve "
        "relations and safety.",
        "why_it_matters": "Trust grows through contact that continues after a crisis is over.",
        "scope": ResearchScope.REGIONAL,
        "provinces": [Province.EASTERN_CAPE, Province.GAUTENG],
        "methods": [ResearchMethod.WORKSHOPS, ResearchMethod.SURVEYS],
        "responsible_bodies": [ResponsibleBody.PROVINCIAL_SECRETARIATS, ResponsibleBody.CPFS],
        "months": 12,
        "status": PriorityStatus.COMMISSIONED,
        "partnerships": ["Mthatha safer schools patrols"],
        "project": {
            "title": "Learners' routes to school: a survey in two towns",
            "summary": "Learners, parents and patrollers describe where and when routes to "
            "school feel unsafe, and what the patrols changed.",
            "status": ProjectStatus.UNDER_WAY,
        },
    },
    {
        "slug": "programme-evaluation",
        "title": "Evaluating programmes under way",
        "problem_area": "Which police programmes deliver results, and what lessons they hold "
        "for others.",
        "why_it_matters": "Research should also look at what works, not only at what fails.",
        "scope": ResearchScope.NATIONAL,
        "methods": [ResearchMethod.EVALUATION],
        "responsible_bodies": [
            ResponsibleBody.SECRETARIAT,
            ResponsibleBody.PROVINCIAL_SECRETARIATS,
        ],
        "months": 12,
        "status": PriorityStatus.IN_PROGRESS,
        "partnerships": ["SPRINT area-based violence prevention laboratory"],
    },
    {
        "slug": "evidence-base",
        "title": "Recent, relevant evidence for practitioners",
        "problem_area": "Practitioners need current research in a form they can use.",
        "why_it_matters": "Evidence that nobody can find changes nothing.",
        "scope": ResearchScope.NATIONAL,
        "methods": [ResearchMethod.LITERATURE_REVIEW],
        "responsible_bodies": [ResponsibleBody.SECRETARIAT],
        "months": 24,
        "status": PriorityStatus.IDENTIFIED,
        "partnerships": [],
    },
]

PUBLICATIONS = [
    {
        "slug": "policing-and-sex-workers-rights",
        "title": "Policing and sex workers' rights in two provinces",
        "type": PublicationType.RESEARCH_REPORT,
        "date": datetime.date(2018, 3, 20),
        "authors": [("Research team, Sonke Gender Justice", "Sonke Gender Justice")],
        "abstract": "Sex workers' organisations receive many complaints about how operations "
        "are policed, and complaints rarely get resolved through the usual channels. This "
        "report draws on witness statements gathered from 2016 to describe the problems and "
        "to open a conversation between police, government and civil society on fixing them.",
        "findings": [
            "Complaints about operational policing reach sex workers' organisations far more "
            "often than they reach police oversight bodies.",
            "People at the margins are most exposed when power between police and public is "
            "unequal.",
        ],
        "recommendations": [
            (Addressee.SAPS, "Agree a route for complaints that sex workers can use safely."),
            (Addressee.CIVIL_SOCIETY, "Keep recording cases so change can be measured."),
        ],
        "provinces": [Province.WESTERN_CAPE, Province.GAUTENG],
        "settings": [Setting.URBAN],
        "topics": ["legitimacy", "human rights"],
        "priority": "programme-evaluation",
        "partnerships": ["Positive Policing Partnership"],
    },
    {
        "slug": "area-coordination-learning-brief",
        "title": "Area coordination for violence prevention: a learning brief",
        "type": PublicationType.POLICY_BRIEF,
        "date": datetime.date(2023, 5, 1),
        "authors": [("SPRINT laboratory facilitators", "VPUU NPC")],
        "abstract": "Municipal and civil-society teams in the SPRINT laboratory compared what "
        "makes area coordination work. Time to take decisions, capacity and honest partnerships "
        "mattered most; each team chose a first step it could take in the short term.",
        "findings": [
            "Area coordinating teams need time and authority to decide, not only to meet.",
            "Partnerships work when each side knows what the other expects of it.",
        ],
        "recommendations": [
            (Addressee.MUNICIPALITIES, "Give area coordinating teams decision-making time."),
            (Addressee.SECRETARIAT, "Share area-based tools with provincial departments."),
        ],
        "provinces": [Province.NATIONAL],
        "settings": [Setting.URBAN, Setting.INFORMAL_SETTLEMENT],
        "topics": ["area-based violence prevention", "partnerships"],
        "priority": "programme-evaluation",
        "partnerships": ["SPRINT area-based violence prevention laboratory"],
    },
    {
        "slug": "partnership-strategy-guideline",
        "title": "The Partnership Strategy of the Civilian Secretariat for Police Service",
        "type": PublicationType.GUIDELINE,
        "date": datetime.date(2024, 3, 31),
        "authors": [("Civilian Secretariat for Police Service", "")],
        "abstract": "The strategy sets out eight thrusts in two focus areas: managing knowledge "
        "about community safety, and strengthening the structures that promote it. This portal "
        "is the first thrust's register and knowledge base.",
        "findings": ["Partnership records are scattered and need one register and repository."],
        "recommendations": [
            (Addressee.SECRETARIAT, "Keep one register of partnerships and their agreements."),
        ],
        "provinces": [Province.NATIONAL],
        "settings": [],
        "topics": ["partnerships", "strategy"],
        "priority": "evidence-base",
        "partnerships": [],
    },
]


def _partnerships(titles: list[str]) -> list[Partnership]:
    return list(Partnership.objects.filter(title__in=titles))


def load(log: Log) -> None:
    research = ResearchSectionPage.objects.live().first()
    if research is None:
        return
    today = datetime.date.today()
    agenda = ensure_child_page(
        research,
        ResearchAgendaPage,
        "agenda",
        log,
        title="Research agenda",
        introduction="The questions the Secretariat wants answered for community safety, and "
        "who is answering them.",
        body=paragraphs(
            "Research can be local, regional or national, and should look at what works as "
            "well as at what fails. Problem areas are chosen with SAPS and the community police "
            "forums, so that the people who will use the research help shape it."
        ),
    )
    priorities = {}
    for spec in PRIORITIES:
        existed = agenda.get_children().filter(slug=spec["slug"]).exists()
        priority = ensure_child_page(
            agenda,
            ResearchPriorityPage,
            spec["slug"],
            log,
            title=spec["title"],
            introduction=spec["problem_area"],
            problem_area=spec["problem_area"],
            why_it_matters=spec["why_it_matters"],
            scope=spec["scope"],
            provinces=spec.get("provinces", []),
            methods=spec["methods"],
            responsible_bodies=spec["responsible_bodies"],
            target_date=today + datetime.timedelta(days=30 * spec["months"]),
            status=spec["status"],
            thrusts=[StrategicThrust.RESEARCH_AGENDA],
        )
        if not existed:
            priority.partnerships.set(_partnerships(spec["partnerships"]))
            priority.save_revision().publish()
            if spec.get("project"):
                ResearchProject.objects.create(priority=priority, **spec["project"])
        priorities[spec["slug"]] = priority

    library = ensure_child_page(
        research,
        ResearchLibraryPage,
        "library",
        log,
        title="Research library",
        introduction="Reports, briefs, evaluations and guidelines on community safety and "
        "partnerships.",
    )
    for spec in PUBLICATIONS:
        if library.get_children().filter(slug=spec["slug"]).exists():
            continue
        publication = PublicationPage(
            slug=spec["slug"],
            title=spec["title"],
            publication_type=spec["type"],
            publication_date=spec["date"],
            abstract=spec["abstract"],
            introduction=spec["abstract"].split(". ")[0].rstrip(".") + ".",  # its first sentence
            key_findings=paragraphs(*spec["findings"]),
            provinces=spec["provinces"],
            place_settings=spec["settings"],
            priority=priorities.get(spec["priority"]),
        )
        publication.topics.add(*spec["topics"])
        publication.partnerships.set(_partnerships(spec["partnerships"]))
        for order, (name, affiliation) in enumerate(spec["authors"]):
            publication.authors.add(
                PublicationAuthor(name=name, affiliation=affiliation, sort_order=order)
            )
        for order, (addressee, text) in enumerate(spec["recommendations"]):
            publication.recommendations.add(
                PublicationRecommendation(addressed_to=addressee, text=text, sort_order=order)
            )
        document = placeholder_document(spec["title"], spec["slug"])
        publication.documents.add(PublicationDocument(document=document))
        library.add_child(instance=publication)
        publication.save_revision().publish()
        log(f"Created publication {publication.url_path}")
