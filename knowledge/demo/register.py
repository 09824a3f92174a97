"""Demo register: partnerships drawn from the seed documents' facts, in the project's words.

Dates are relative to the day the demo is loaded, so the register's flags have something to
show: an agreement about to expire, one expired, a formal partnership without a signed
agreement, an overdue review, a multi-province provincial partnership, a likely duplicate.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from knowledge.models import (
    KPI,
    Agreement,
    AnnualReview,
    Cost,
    KPIMeasurement,
    Organisation,
    Partnership,
    PartnershipParty,
    Risk,
    ValueDelivered,
)
from knowledge.models.choices import (
    AgreementKind,
    AgreementStatus,
    CostKind,
    CostPeriod,
    Formality,
    FundingModel,
    Level,
    PartnershipStatus,
    PartyRole,
    Rating,
    ReviewRecommendation,
    ReviewStatus,
    Scope,
    Stance,
    Term,
    Visibility,
)
from portal.demo_helpers import Log, placeholder_pdf
from portal.taxonomy import Province as P
from portal.taxonomy import Sector as S
from portal.taxonomy import StrategicThrust as T

ORGANISATIONS = {
    "SAPS": ("South African Police Service", S.SAPS, [P.NATIONAL], {}),
    "CSPS": ("Civilian Secretariat for Police Service", S.CIVILIAN_SECRETARIAT, [P.NATIONAL], {}),
    "Sonke": (
        "Sonke Gender Justice",
        S.NGO,
        [P.WESTERN_CAPE, P.GAUTENG],
        {"npo_number": "033-254-NPO"},
    ),
    "SWEAT": (
        "Sex Worker Education and Advocacy Taskforce (SWEAT)",
        S.NGO,
        [P.WESTERN_CAPE, P.GAUTENG],
        {"npo_number": "016-612-NPO"},
    ),
    "ISS": ("Institute for Security Studies", S.ACADEMIC, [P.NATIONAL], {}),
    "VPUU": (
        "Violence Prevention through Urban Upgrading (VPUU NPC)",
        S.NGO,
        [P.WESTERN_CAPE, P.EASTERN_CAPE],
        {},
    ),
    "LabMunicipalities": ("SPRINT laboratory municipal teams", S.MUNICIPALITY, [P.NATIONAL], {}),
    "PilotCity": (
        "Pilot city safety and security directorate",
        S.MUNICIPALITY,
        [P.WESTERN_CAPE],
        {},
    ),
    "CWG": (
        "Pilot city community watch groups",
        S.CRIME_PREVENTION_ASSOCIATION,
        [P.WESTERN_CAPE],
        {},
    ),
    "MthathaCPF": ("Mthatha Community Police Forum", S.CPF, [P.EASTERN_CAPE], {}),
    "SowetoCIB": ("Orlando Community in Blue volunteers", S.COMMUNITY_IN_BLUE, [P.GAUTENG], {}),
    "Agri": (
        "Karoo and Highveld farmers' safety association",
        S.CRIME_PREVENTION_ASSOCIATION,
        [P.NORTHERN_CAPE, P.NORTH_WEST],
        {"psira_number": "3106542"},
    ),
    "University": ("A university crime-data research unit", S.ACADEMIC, [P.GAUTENG], {}),
    "Churches": ("KwaZulu-Natal interfaith safety network", S.FAITH_BASED, [P.KWAZULU_NATAL], {}),
    "BusinessCCTV": ("Inner-city business improvement district", S.PRIVATE_SECTOR, [P.GAUTENG], {}),
    "LimpopoCSF": ("Vhembe community safety forum", S.CSF, [P.LIMPOPO], {}),
    "Radio": ("Free State community radio stations", S.MEDIA, [P.FREE_STATE], {}),
    "FSSafety": (
        "Free State provincial community safety department",
        S.PROVINCIAL_SECRETARIAT,
        [P.FREE_STATE],
        {},
    ),
}


@dataclass
class DemoPartnership:
    title: str
    summary: str
    purpose: str
    parties: list[tuple[str, str]]
    scope: str
    provinces: list[str]
    level: str
    formality: str
    funding_model: str
    term: str
    stance: str
    thrusts: list[str]
    responsible_unit: str
    started_days_ago: int
    status: str = PartnershipStatus.ACTIVE
    visibility: str = Visibility.PUBLIC
    locality: str = ""
    ends_in_days: int | None = None
    agreement: dict | None = None
    kpis: list[tuple[str, str, str, str]] = field(default_factory=list)
    value: list[tuple[int, str, str]] = field(default_factory=list)
    risks: list[tuple[str, int, int, str]] = field(default_factory=list)
    costs: list[tuple[str, str, str | None, str, str]] = field(default_factory=list)
    last_review_days_ago: int | None = 120


DEMO_PARTNERSHIPS = [
    DemoPartnership(
        title="Positive Policing Partnership",
        summary="Civil society, police and government working together so that sex workers are "
        "policed with respect for their rights, through dialogue, policy work and practical "
        "changes in operations.",
        purpose="Find and use openings for collaboration that change how operational policing "
        "treats sex workers. Give complaints a route that works, and build trust between "
        "police members and a group at high risk of rights violations.",
        parties=[
            ("Sonke", PartyRole.LEAD),
            ("SWEAT", PartyRole.LEAD),
            ("SAPS", PartyRole.PARTNER),
            ("ISS", PartyRole.PARTNER),
        ],
        scope=Scope.PROVINCIAL,
        provinces=[P.WESTERN_CAPE, P.GAUTENG],
        level=Level.COLLABORATION,
        formality=Formality.FORMAL,
        funding_model=FundingModel.EXTERNALLY_FUNDED,
        term=Term.LONG,
        stance=Stance.PURSUE,
        thrusts=[T.KNOWLEDGE_SHARING, T.COMMUNITY_POLICING_TRAINING],
        responsible_unit="Partnerships directorate",
        started_days_ago=8 * 365,
        agreement={
            "kind": AgreementKind.MOU,
            "signed_days_ago": 8 * 365,
            "expires_in_days": 45,
            "scan": True,
        },
        kpis=[
            ("Complaints by sex workers resolved through the agreed route", "%", "10", "60"),
            ("Police stations with a trained liaison member", "stations", "0", "25"),
        ],
        value=[
            (
                2400,
                "Launch event brought police, government and sex-worker organisations to one table",
                "Attendance record and launch report",
            ),
            (
                900,
                "A case-study report fed into station-level training",
                "Training schedule of two provinces",
            ),
        ],
        risks=[
            (
                "Members rotate out of trained stations",
                3,
                2,
                "Train two liaison members per station",
            ),
            ("Funding ends before practice is embedded", 2, 3, "Seek provincial co-funding"),
        ],
        costs=[
            (
                CostKind.IMPLICIT,
                "Liaison members' time",
                None,
                CostPeriod.MONTHLY,
                "Two hours a month per station",
            ),
            (CostKind.EXPLICIT, "Workshop venues and travel", "180000", CostPeriod.ANNUALLY, ""),
        ],
    ),
    DemoPartnership(
        title="Sex worker rights dialogue, Cape Town",
        summary="Regular meetings in Cape Town between sex-worker advocates and local police "
        "commanders to settle operational complaints.",
        purpose="Give local commanders and advocates a standing channel for complaints about "
        "raids and arrests.",
        parties=[("SWEAT", PartyRole.LEAD), ("SAPS", PartyRole.PARTNER)],
        scope=Scope.LOCAL,
        provinces=[P.WESTERN_CAPE],
        locality="Cape Town Central police precinct",
        level=Level.COMMUNICATION,
        formality=Formality.INFORMAL,
        funding_model=FundingModel.SELF_FUNDED,
        term=Term.SHORT,
        stance=Stance.TAKE,
        thrusts=[T.KNOWLEDGE_SHARING],
        responsible_unit="Western Cape provincial office",
        started_days_ago=400,
        status=PartnershipStatus.PROPOSED,
        visibility=Visibility.INTERNAL,
        last_review_days_ago=None,
    ),
    DemoPartnership(
        title="SPRINT area-based violence prevention laboratory",
        summary="Municipal and civil-society teams learning together to plan and run "
        "area-based violence prevention in vulnerable urban neighbourhoods.",
        purpose="Build the skills of municipalities and community organisations to co-design "
        "area-based interventions, and embed area coordination in how vulnerable areas are "
        "managed.",
        parties=[
            ("VPUU", PartyRole.LEAD),
            ("LabMunicipalities", PartyRole.IMPLEMENTER),
            ("CSPS", PartyRole.PARTNER),
        ],
        scope=Scope.NATIONAL,
        provinces=[P.NATIONAL],
        level=Level.COOPERATION,
        formality=Formality.FORMAL,
        funding_model=FundingModel.EXTERNALLY_FUNDED,
        term=Term.LONG,
        stance=Stance.PURSUE,
        thrusts=[T.KNOWLEDGE_SHARING, T.RESEARCH_AGENDA, T.CSF_SUPPORT],
        responsible_unit="Research and knowledge management",
        started_days_ago=5 * 365,
        agreement={
            "kind": AgreementKind.MOA,
            "signed_days_ago": 5 * 365,
            "expires_in_days": 400,
            "scan": True,
        },
        kpis=[("Municipal teams completing the laboratory", "teams", "0", "10")],
        value=[
            (
                700,
                "Ten municipal and civil-society teams trained in area coordination",
                "Workshop registers and learning briefs",
            )
        ],
        risks=[("Teams lose decision-making time to crises", 2, 2, "Short, frequent sessions")],
        costs=[(CostKind.EXPLICIT, "Mentoring in two pilot areas", "450000", CostPeriod.ONCE, "")],
    ),
    DemoPartnership(
        title="Civil Security Cooperation Initiative pilot",
        summary="A city brings its community watch groups into the flow of information during "
        "emergencies, so that residents and the city warn each other quickly.",
        purpose="Give the city a direct line to community watch groups during crises, and use "
        "their local knowledge in the joint operations centre.",
        parties=[("PilotCity", PartyRole.LEAD), ("CWG", PartyRole.IMPLEMENTER)],
        scope=Scope.LOCAL,
        provinces=[P.WESTERN_CAPE],
        locality="Pilot metropolitan municipality",
        level=Level.COORDINATION,
        formality=Formality.FORMAL,
        funding_model=FundingModel.JOINTLY_FUNDED,
        term=Term.SHORT,
        stance=Stance.TAKE,
        thrusts=[T.CSF_SUPPORT],
        responsible_unit="Western Cape provincial office",
        started_days_ago=560,
        agreement={"kind": AgreementKind.MOA, "status": AgreementStatus.DRAFT},
        kpis=[("Minutes from incident report to city alert", "minutes", "30", "5")],
        risks=[
            (
                "Unverified reports spread through the network",
                2,
                3,
                "Verification step before city alerts",
            )
        ],
        costs=[
            (
                CostKind.IMPLICIT,
                "Watch group volunteers on call",
                None,
                CostPeriod.MONTHLY,
                "Ten volunteers, four hours each",
            )
        ],
    ),
    DemoPartnership(
        title="Mthatha safer schools patrols",
        summary="The community police forum and the local station patrol school routes at the "
        "start and end of the school day.",
        purpose="Cut robberies of learners on the way to and from school.",
        parties=[("MthathaCPF", PartyRole.LEAD), ("SAPS", PartyRole.PARTNER)],
        scope=Scope.LOCAL,
        provinces=[P.EASTERN_CAPE],
        locality="Mthatha police precinct",
        level=Level.COOPERATION,
        formality=Formality.FORMAL,
        funding_model=FundingModel.SELF_FUNDED,
        term=Term.LONG,
        stance=Stance.PURSUE,
        thrusts=[T.STRUCTURE_GUIDANCE, T.CSF_SUPPORT],
        responsible_unit="Eastern Cape provincial office",
        started_days_ago=3 * 365,
        agreement={
            "kind": AgreementKind.MOU,
            "signed_days_ago": 3 * 365,
            "expires_in_days": 700,
            "scan": True,
        },
        kpis=[("Robberies of learners reported", "incidents per term", "41", "15")],
        risks=[("Volunteer fatigue", 2, 2, "Roster of at least twenty patrollers")],
        costs=[
            (
                CostKind.IMPLICIT,
                "Patrol vehicle time",
                None,
                CostPeriod.MONTHLY,
                "One vehicle, two hours a school day",
            )
        ],
        last_review_days_ago=460,
    ),
    DemoPartnership(
        title="Orlando Community in Blue night patrols",
        summary="Trained volunteers patrol with police at night on main routes and at taxi ranks.",
        purpose="Add visible, trained community presence where street robberies cluster.",
        parties=[("SowetoCIB", PartyRole.IMPLEMENTER), ("SAPS", PartyRole.LEAD)],
        scope=Scope.LOCAL,
        provinces=[P.GAUTENG],
        locality="Orlando police precinct",
        level=Level.COOPERATION,
        formality=Formality.INFORMAL,
        funding_model=FundingModel.SELF_FUNDED,
        term=Term.LONG,
        stance=Stance.PURSUE,
        thrusts=[T.STRUCTURE_GUIDANCE],
        responsible_unit="Gauteng provincial office",
        started_days_ago=2 * 365,
        kpis=[("Street robberies on patrolled routes", "incidents per month", "60", "35")],
        risks=[
            ("Volunteers act beyond their role", 1, 3, "Code of conduct and refresher training")
        ],
    ),
    DemoPartnership(
        title="Northern Cape and North West rural safety partnership",
        summary="Farmers' safety associations, police and provincial safety departments share "
        "information on stock theft and farm attacks across two provinces.",
        purpose="Coordinate rural patrols and information across the provincial boundary, where "
        "offenders move between jurisdictions.",
        parties=[("Agri", PartyRole.LEAD), ("SAPS", PartyRole.PARTNER)],
        scope=Scope.PROVINCIAL,
        provinces=[P.NORTHERN_CAPE, P.NORTH_WEST],
        level=Level.COORDINATION,
        formality=Formality.FORMAL,
        funding_model=FundingModel.SELF_FUNDED,
        term=Term.LONG,
        stance=Stance.PURSUE,
        thrusts=[T.SPHERE_ALIGNMENT],
        responsible_unit="Partnerships directorate",
        started_days_ago=4 * 365,
        agreement={
            "kind": AgreementKind.MOA,
            "signed_days_ago": 4 * 365,
            "expires_in_days": -30,
            "scan": False,
        },
        kpis=[("Stock theft cases opened", "cases per quarter", "120", "80")],
        risks=[("Vigilantism", 2, 3, "Joint patrols only with police present")],
        costs=[(CostKind.EXPLICIT, "Radio network", "60000", CostPeriod.ANNUALLY, "")],
    ),
    DemoPartnership(
        title="Crime-data analysis with a university",
        summary="Researchers analyse precinct crime data to help target prevention.",
        purpose="Improve the evidence behind prevention decisions in three metros.",
        parties=[("University", PartyRole.IMPLEMENTER), ("CSPS", PartyRole.LEAD)],
        scope=Scope.NATIONAL,
        provinces=[P.NATIONAL],
        level=Level.COLLABORATION,
        formality=Formality.FORMAL,
        funding_model=FundingModel.JOINTLY_FUNDED,
        term=Term.SHORT,
        stance=Stance.PURSUE,
        thrusts=[T.RESEARCH_AGENDA],
        responsible_unit="Research and knowledge management",
        started_days_ago=300,
        visibility=Visibility.INTERNAL,
        agreement={
            "kind": AgreementKind.SLA,
            "signed_days_ago": 300,
            "expires_in_days": 65,
            "scan": True,
        },
        kpis=[("Analytical briefs delivered", "briefs", "0", "6")],
        risks=[
            (
                "Personal information in the data",
                2,
                3,
                "Only aggregated data leaves the Secretariat",
            )
        ],
        costs=[(CostKind.EXPLICIT, "Research contract", "750000", CostPeriod.ONCE, "")],
        last_review_days_ago=None,
    ),
    DemoPartnership(
        title="Faith communities against gender-based violence",
        summary="Congregations give survivors a safe first contact and walk with them to the "
        "police and to victim support.",
        purpose="Shorten the path from disclosure to a case being opened, with support along "
        "the way.",
        parties=[("Churches", PartyRole.LEAD), ("SAPS", PartyRole.PARTNER)],
        scope=Scope.PROVINCIAL,
        provinces=[P.KWAZULU_NATAL],
        level=Level.COOPERATION,
        formality=Formality.INFORMAL,
        funding_model=FundingModel.SELF_FUNDED,
        term=Term.LONG,
        stance=Stance.TAKE,
        thrusts=[T.CSF_SUPPORT],
        responsible_unit="KwaZulu-Natal provincial office",
        started_days_ago=700,
        kpis=[("Survivors accompanied to a police station", "people per quarter", "0", "50")],
    ),
    DemoPartnership(
        title="Inner-city CCTV sharing",
        summary="Businesses share camera feeds with the local police control room.",
        purpose="Faster response to incidents caught on private cameras.",
        parties=[("BusinessCCTV", PartyRole.FUNDER), ("SAPS", PartyRole.PARTNER)],
        scope=Scope.LOCAL,
        provinces=[P.GAUTENG],
        locality="Johannesburg Central police precinct",
        level=Level.COORDINATION,
        formality=Formality.FORMAL,
        funding_model=FundingModel.EXTERNALLY_FUNDED,
        term=Term.LONG,
        stance=Stance.TAKE,
        thrusts=[T.STRUCTURE_GUIDANCE],
        responsible_unit="Gauteng provincial office",
        started_days_ago=500,
        visibility=Visibility.INTERNAL,
        agreement={
            "kind": AgreementKind.SLA,
            "signed_days_ago": 500,
            "expires_in_days": 900,
            "scan": True,
        },
        risks=[("Privacy of people filmed", 2, 3, "Access log and retention limit")],
        costs=[(CostKind.EXPLICIT, "Control-room link", "24000", CostPeriod.MONTHLY, "")],
    ),
    DemoPartnership(
        title="Vhembe community safety forum support",
        summary="The provincial office helps the district's safety forum plan and report.",
        purpose="Make the forum's plan part of municipal planning.",
        parties=[("LimpopoCSF", PartyRole.LEAD), ("CSPS", PartyRole.PARTNER)],
        scope=Scope.PROVINCIAL,
        provinces=[P.LIMPOPO],
        level=Level.COMMUNICATION,
        formality=Formality.INFORMAL,
        funding_model=FundingModel.UNFUNDED,
        term=Term.SHORT,
        stance=Stance.PURSUE,
        thrusts=[T.CSF_SUPPORT, T.SPHERE_ALIGNMENT],
        responsible_unit="Limpopo provincial office",
        started_days_ago=200,
        risks=[("Forum meetings lapse", 2, 2, "Quarterly calendar agreed up front")],
        costs=[
            (
                CostKind.IMPLICIT,
                "Provincial official's time",
                None,
                CostPeriod.QUARTERLY,
                "Three days a quarter",
            )
        ],
        last_review_days_ago=None,
    ),
    DemoPartnership(
        title="Community radio crime prevention messages",
        summary="Community radio carried prevention messages written with local police.",
        purpose="Reach rural listeners with practical safety advice in their languages.",
        parties=[("Radio", PartyRole.IMPLEMENTER), ("FSSafety", PartyRole.FUNDER)],
        scope=Scope.PROVINCIAL,
        provinces=[P.FREE_STATE],
        level=Level.COMMUNICATION,
        formality=Formality.FORMAL,
        funding_model=FundingModel.EXTERNALLY_FUNDED,
        term=Term.SHORT,
        stance=Stance.LEAVE,
        thrusts=[T.KNOWLEDGE_SHARING],
        responsible_unit="Communications",
        started_days_ago=3 * 365,
        ends_in_days=-365,
        status=PartnershipStatus.EXPIRED,
        agreement={
            "kind": AgreementKind.MOU,
            "signed_days_ago": 3 * 365,
            "expires_in_days": -365,
            "scan": True,
            "status": AgreementStatus.EXPIRED,
        },
        last_review_days_ago=None,
    ),
]


def _organisations(log: Log) -> dict[str, Organisation]:
    organisations = {}
    for key, (name, sector, provinces, numbers) in ORGANISATIONS.items():
        organisation, created = Organisation.objects.get_or_create(
            name=name, sector=sector, defaults={"provinces": provinces, **numbers}
        )
        if created:
            log(f"Created organisation {name}")
        organisations[key] = organisation
    return organisations


def _agreement(partnership: Partnership, spec: dict, today: date) -> None:
    status = spec.get("status", AgreementStatus.SIGNED)
    signed_on = (
        today - timedelta(days=spec["signed_days_ago"]) if "signed_days_ago" in spec else None
    )
    agreement = Agreement(
        partnership=partnership,
        kind=spec["kind"],
        status=status,
        signatories="Director, lead organisation\nProvincial head, partner" if signed_on else "",
        signed_on=signed_on,
        effective_from=signed_on,
        expires_on=today + timedelta(days=spec["expires_in_days"])
        if "expires_in_days" in spec
        else None,
        purpose_clear=True,
        objectives_served=True,
        roles_clear=True,
        accountability=bool(signed_on),
        monitoring_and_review=bool(signed_on),
        risk_assessed=bool(signed_on),
        properly_authorised=bool(signed_on),
        best_use_of_resources=bool(signed_on),
        governance_obligations=bool(signed_on),
    )
    if spec.get("scan"):
        agreement.signed_scan = ContentFile(
            placeholder_pdf(f"{partnership.reference}: signed agreement (demo placeholder)"),
            name="scan.pdf",
        )
    agreement.full_clean()
    agreement.save()


def _create(spec: DemoPartnership, organisations: dict, today: date) -> Partnership:
    partnership = Partnership(
        title=spec.title,
        summary=spec.summary,
        purpose=spec.purpose,
        scope=spec.scope,
        provinces=spec.provinces,
        locality=spec.locality,
        level=spec.level,
        formality=spec.formality,
        funding_model=spec.funding_model,
        term=spec.term,
        stance=spec.stance,
        thrusts=spec.thrusts,
        responsible_unit=spec.responsible_unit,
        start_date=today - timedelta(days=spec.started_days_ago),
        end_date=today + timedelta(days=spec.ends_in_days)
        if spec.ends_in_days is not None
        else None,
        status=spec.status,
        visibility=spec.visibility,
    )
    partnership.full_clean(exclude=["reference"])
    partnership.save()
    for order, (key, role) in enumerate(spec.parties):
        PartnershipParty.objects.create(
            partnership=partnership, organisation=organisations[key], role=role, sort_order=order
        )
    for indicator, unit, baseline, target in spec.kpis:
        kpi = KPI.objects.create(
            partnership=partnership,
            indicator=indicator,
            unit=unit,
            baseline=Decimal(baseline),
            target=Decimal(target),
            is_public=spec.visibility == Visibility.PUBLIC,
        )
        # Four quarterly measurements moving from the baseline towards the target.
        for quarter, share in enumerate(["0.2", "0.35", "0.45", "0.6"]):
            KPIMeasurement.objects.create(
                kpi=kpi,
                measured_on=today - timedelta(days=90 * (4 - quarter)),
                value=Decimal(baseline) + (Decimal(target) - Decimal(baseline)) * Decimal(share),
                note="Quarterly measurement from the partners' own records",
            )
    for days_ago, benefit, evidence in spec.value:
        ValueDelivered.objects.create(
            partnership=partnership,
            delivered_on=today - timedelta(days=days_ago),
            benefit=benefit,
            evidence=evidence,
        )
    for description, likelihood, impact, mitigation in spec.risks:
        Risk.objects.create(
            partnership=partnership,
            description=description,
            likelihood=Rating(likelihood),
            impact=Rating(impact),
            mitigation=mitigation,
            owner=spec.responsible_unit,
        )
    for kind, description, amount, period, basis in spec.costs:
        Cost.objects.create(
            partnership=partnership,
            kind=kind,
            description=description,
            amount=Decimal(amount) if amount else None,
            period=period,
            basis=basis,
        )
    if spec.agreement:
        _agreement(partnership, spec.agreement, today)
    if spec.last_review_days_ago is not None:
        completed_on = today - timedelta(days=spec.last_review_days_ago)
        AnnualReview.objects.create(
            partnership=partnership,
            year=completed_on.year,
            status=ReviewStatus.COMPLETED,
            completed_on=completed_on,
            recommendation=ReviewRecommendation.CONTINUE,
            kpi_results="Most targets on track.",
            value_assessment="Delivering what it promised.",
            public_summary="The partners met as agreed, most indicators moved the right way, and "
            "the review recommends that the partnership carries on as it is.",
        )
    return partnership


def load(log: Log) -> None:
    today = timezone.localdate()
    organisations = _organisations(log)
    for spec in DEMO_PARTNERSHIPS:
        if Partnership.objects.filter(title=spec.title).exists():
            continue
        partnership = _create(spec, organisations, today)
        log(f"Created partnership {partnership.reference} {partnership.title}")
