"""A large, repeatable portal for the benchmarks: tens of thousands of partnerships, publications,
practices, research priorities and master classes with plausible text.

Rows are written in bulk (no signals, so no outbox), pages through Wagtail's tree API; the random
generator is seeded, so every run builds the same portal.
"""

import datetime
import random

from django.db import transaction

from best_practice.models import BestPracticeSectionPage, MasterClassPage, PracticePage
from best_practice.models.choices import EvidenceRating
from knowledge.models import (
    Organisation,
    Partnership,
    PartnershipParty,
    PartnershipsSectionPage,
    PublicationAuthor,
    PublicationDocument,
    PublicationPage,
    ResearchAgendaPage,
    ResearchLibraryPage,
    ResearchPriorityPage,
)
from knowledge.models.choices import (
    Formality,
    FundingModel,
    Level,
    PartnershipStatus,
    Scope,
    Stance,
    Term,
    Visibility,
)
from knowledge.models.research_choices import PublicationType, ResearchScope
from portal.models import PortalDocument
from portal.taxonomy import Province, Sector, Setting, StrategyCategory

PLACES = [
    "Mthatha",
    "Soweto",
    "Khayelitsha",
    "Umlazi",
    "Polokwane",
    "Mahikeng",
    "Kimberley",
    "Upington",
    "Mbombela",
    "Bloemfontein",
    "Gqeberha",
    "Makhanda",
    "Tembisa",
    "Alexandra",
    "Mitchells",
    "Plain",
    "Nyanga",
    "Delft",
    "Ivory",
    "Park",
    "Diepsloot",
    "Orange",
    "Farm",
    "Inanda",
    "KwaMashu",
    "Giyani",
    "Thohoyandou",
    "Emalahleni",
    "Botshabelo",
    "Welkom",
    "Rustenburg",
    "Potchefstroom",
    "Kuruman",
    "Springbok",
    "Stellenbosch",
    "Paarl",
    "Worcester",
    "George",
]
TOPICS = [
    "patrol",
    "patrols",
    "rural",
    "farm",
    "stock",
    "theft",
    "livestock",
    "school",
    "learners",
    "taxi",
    "rank",
    "railway",
    "station",
    "street",
    "lighting",
    "lighting",
    "CCTV",
    "cameras",
    "surveillance",
    "burglary",
    "housebreaking",
    "robbery",
    "hijacking",
    "gender-based",
    "violence",
    "domestic",
    "violence",
    "youth",
    "gangs",
    "substance",
    "abuse",
    "liquor",
    "outlets",
    "tavern",
    "shebeen",
    "trading",
    "hours",
    "victim",
    "support",
    "trauma",
    "counselling",
    "restorative",
    "justice",
    "diversion",
    "reintegration",
    "parolees",
    "offenders",
    "probation",
    "neighbourhood",
    "watch",
    "community",
    "police",
    "forum",
    "volunteers",
    "reservists",
    "trust",
    "legitimacy",
    "procedural",
    "justice",
    "complaints",
    "oversight",
    "business",
    "precinct",
    "mall",
    "retail",
    "cash-in-transit",
    "informal",
    "settlement",
    "spaza",
    "shops",
    "environmental",
    "design",
    "target",
    "hardening",
    "alarms",
    "fencing",
    "access",
    "control",
    "hotspots",
    "mapping",
    "data",
    "sharing",
    "analysis",
    "evaluation",
    "survey",
    "focus",
    "groups",
    "dialogue",
    "municipality",
    "ward",
    "councillors",
    "faith-based",
    "organisations",
    "sport",
    "recreation",
    "after-school",
    "programmes",
    "employment",
    "skills",
    "mentoring",
]
FILLER = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "for",
    "with",
    "by",
    "on",
    "at",
    "from",
    "that",
    "this",
    "is",
    "was",
    "were",
    "be",
    "as",
    "are",
    "through",
    "local",
    "partners",
    "police",
    "community",
    "safety",
    "crime",
    "prevention",
    "programme",
    "project",
    "plan",
    "joint",
    "members",
    "residents",
    "officers",
    "training",
    "meetings",
    "report",
    "results",
    "reduced",
    "increased",
    "improved",
    "months",
    "year",
    "weekly",
    "quarterly",
    "budget",
    "funding",
    "agreement",
    "review",
    "outcomes",
    "lessons",
    "learned",
    "support",
    "role",
    "share",
    "information",
    "coordination",
    "provincial",
    "national",
    "district",
    "station",
]


class Writer:
    """Plausible text: a few topical words and places among common words."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)  # noqa: S311 (benchmark data, not security)

    def words(self, count: int) -> str:
        choose = self.random.choices
        picked = []
        for _ in range(count):
            roll = self.random.random()
            if roll < 0.15:
                picked.append(choose(TOPICS)[0])
            elif roll < 0.18:
                picked.append(choose(PLACES)[0])
            else:
                picked.append(choose(FILLER)[0])
        return " ".join(picked)

    def title(self) -> str:
        topic = " ".join(self.random.sample(TOPICS, 2))
        return f"{topic.capitalize()} in {self.random.choice(PLACES)}"

    def pick(self, choices, count: int = 1) -> list:
        return self.random.sample(list(choices), count)

    def date(self, start_year: int = 2015, end_year: int = 2026) -> datetime.date:
        return datetime.date(
            self.random.randint(start_year, end_year),
            self.random.randint(1, 12),
            self.random.randint(1, 28),
        )


def _section(model):
    section = model.objects.live().first()
    if section is None:
        raise RuntimeError(f"No live {model.__name__}: run load_demo_content first.")
    return section


@transaction.atomic
def partnerships(writer: Writer, count: int, internal: int) -> None:
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"{writer.title()} organisation {number}",
            sector=writer.pick(Sector.values)[0],
            provinces=writer.pick(Province.values[1:]),
        )
        for number in range(max(count // 40, 10))
    )
    rows = []
    for number in range(count + internal):
        provinces = writer.pick(Province.values[1:], writer.random.randint(1, 2))
        rows.append(
            Partnership(
                reference=f"CSPS-2020-{number + 1:05d}",
                title=writer.title(),
                summary=writer.words(40),
                purpose=writer.words(80),
                scope=Scope.PROVINCIAL,
                provinces=provinces,
                level=Level.COOPERATION,
                formality=Formality.INFORMAL,
                funding_model=FundingModel.SELF_FUNDED,
                term=Term.LONG,
                stance=Stance.PURSUE,
                responsible_unit="Partnerships directorate",
                start_date=writer.date(),
                status=PartnershipStatus.ACTIVE,
                visibility=Visibility.PUBLIC if number < count else Visibility.INTERNAL,
            )
        )
    created = Partnership.objects.bulk_create(rows, batch_size=1000)
    PartnershipParty.objects.bulk_create(
        (
            PartnershipParty(partnership=partnership, organisation=organisation, sort_order=order)
            for partnership in created
            for order, organisation in enumerate(writer.pick(organisations, 2))
        ),
        batch_size=2000,
    )


@transaction.atomic
def publications(writer: Writer, count: int) -> None:
    library = _section(ResearchLibraryPage)
    public = list(Partnership.objects.public().only("pk")[:5000])
    for number in range(count):
        title = writer.title()
        # The text of an attached report, as text extraction would have stored it.
        document = PortalDocument.objects.create(
            title=f"{title} (report)",
            file=f"documents/bench-{number}.pdf",
            extracted_text=writer.words(1500),
        )
        page = PublicationPage(
            title=title,
            slug=f"bench-publication-{number}",
            publication_type=writer.pick(PublicationType.values)[0],
            publication_date=writer.date(),
            abstract=writer.words(150),
            provinces=writer.pick(Province.values[1:]),
            place_settings=writer.pick(Setting.values),
            authors=[PublicationAuthor(name=f"{writer.random.choice(PLACES)} Researcher")],
            documents=[PublicationDocument(document=document)],
            partnerships=writer.pick(public, 2),
        )
        page.topics.add(*writer.pick(TOPICS, 2))
        library.add_child(instance=page)


@transaction.atomic
def practices(writer: Writer, count: int) -> None:
    library = _section(BestPracticeSectionPage)
    scores = random.Random(count)  # noqa: S311 (benchmark data, not security)
    for number in range(count):
        library.add_child(
            instance=PracticePage(
                title=writer.title(),
                slug=f"bench-practice-{number}",
                strategy_category=writer.pick(StrategyCategory.values)[0],
                place_settings=writer.pick(Setting.values, 2),
                problem=writer.words(60),
                summary=writer.words(40),
                mechanism=writer.words(60),
                implementation_steps="\n".join(writer.words(8) for _ in range(5)),
                provinces_implemented=writer.pick(Province.values[1:], 3),
                evidence_rating=writer.pick(EvidenceRating.values)[0],
                # Scored as editors score them (1 to 5 each), not all left at the default; from
                # a generator of their own, so the rest of the corpus stays as it was.
                expected_impact=scores.randint(1, 5),
                ease_of_implementation=scores.randint(1, 5),
            )
        )


@transaction.atomic
def research_priorities(writer: Writer, count: int) -> None:
    agenda = _section(ResearchAgendaPage)
    for number in range(count):
        agenda.add_child(
            instance=ResearchPriorityPage(
                title=writer.title(),
                slug=f"bench-priority-{number}",
                problem_area=writer.words(40),
                why_it_matters=writer.words(80),
                scope=ResearchScope.LOCAL,
                provinces=writer.pick(Province.values[1:]),
                target_date=writer.date(2026, 2029),
            )
        )


@transaction.atomic
def master_classes(writer: Writer, count: int) -> None:
    from best_practice.models import MasterClassSectionPage

    section = _section(MasterClassSectionPage)
    for number in range(count):
        section.add_child(
            instance=MasterClassPage(
                title=writer.title(),
                slug=f"bench-master-class-{number}",
                theme=writer.words(12),
                audience=["saps", "cpf"],
                start_date=writer.date(2024, 2027),
                venue=writer.random.choice(PLACES),
                learning_outcomes=writer.words(40),
            )
        )


def build(total: int, seed: int = 2026) -> dict[str, int]:
    """About ``total`` public documents: 84% partnerships, 10% publications, 4% practices,
    1.6% research priorities, 0.4% master classes (plus internal partnerships that search must
    leave out). Returns how many of each were made."""
    writer = Writer(seed)
    plan = {
        "publication": total * 10 // 100,
        "practice": total * 4 // 100,
        "research-priority": total * 16 // 1000,
        "master-class": total * 4 // 1000,
    }
    plan["partnership"] = total - sum(plan.values())
    _section(PartnershipsSectionPage)
    partnerships(writer, plan["partnership"], internal=plan["partnership"] // 20)
    publications(writer, plan["publication"])
    practices(writer, plan["practice"])
    research_priorities(writer, plan["research-priority"])
    master_classes(writer, plan["master-class"])
    return plan
