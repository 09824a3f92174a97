"""Demo content for the national dialogue: events modelled on the Positive Policing Partnership's
launch and roundtable and on the SPRINT learning exchanges (facts from ../shared/seeds, in our
own words), an upcoming provincial dialogue with open registration, a past imbizo, and
commitments in every status. Each item is found by its slug or promise first, so running the
loader again adds only what is missing."""

import datetime

from django.utils import timezone

from dialogue.models import (
    Commitment,
    CommitmentProgress,
    CommitmentStatus,
    DialogueEventPage,
    DialogueSectionPage,
    EventFormat,
    Speaker,
)
from knowledge.models import Organisation, Partnership
from portal.demo_helpers import Log, placeholder_document
from portal.taxonomy import Province, Sector

SAST = datetime.timezone(datetime.timedelta(hours=2))


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=SAST)


def _organisation(name: str) -> Organisation | None:
    return Organisation.objects.filter(name=name).first()


def _partnerships(*titles: str) -> list[Partnership]:
    return list(Partnership.objects.filter(title__in=titles))


def _speaker(name: str, role: str, organisation: str, log: Log) -> Speaker:
    speaker = Speaker.objects.filter(name=name).first()
    if speaker is None:
        found = _organisation(organisation)
        speaker = Speaker.objects.create(
            name=name,
            role=role,
            organisation=found,
            organisation_name="" if found else organisation,
        )
        log(f"Created speaker {name}")
    return speaker


def _session(starts: str, title: str, speakers=(), ends: str | None = None) -> tuple:
    hour, minute = (int(part) for part in starts.split(":"))
    value = {"starts": datetime.time(hour, minute), "title": title, "speakers": list(speakers)}
    if ends:
        end_hour, end_minute = (int(part) for part in ends.split(":"))
        value["ends"] = datetime.time(end_hour, end_minute)
    return ("session", value)


def _event(
    section: DialogueSectionPage, slug: str, log: Log, partnerships=(), report_title="", **fields
):
    existing = section.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    if report_title:
        fields["report"] = placeholder_document(report_title, f"{slug}-report")
    event = DialogueEventPage(slug=slug, **fields)
    section.add_child(instance=event)
    event.partnerships.set(partnerships)
    event.save_revision().publish()
    log(f"Created dialogue event {event.url_path}")
    return event


def _events(section: DialogueSectionPage, log: Log) -> dict[str, DialogueEventPage]:
    chair = _speaker(
        "Gareth Newham",
        "Leads the justice and violence prevention programme",
        "Institute for Security Studies",
        log,
    )
    researcher = _speaker(
        "Donna Evans",
        "Researcher, policy and advocacy",
        "Sonke Gender Justice",
        log,
    )
    wellness = _speaker(
        "Colonel Onicea Tlhoaele",
        "Employee health and wellness",
        "South African Police Service",
        log,
    )
    events = {}
    events["rights"] = _event(
        section,
        "rights-respecting-policing-dialogue-2018",
        log,
        partnerships=_partnerships("Positive Policing Partnership"),
        title="National dialogue: good policing starts with respect for human rights",
        introduction="A panel and a stakeholder roundtable on policing that respects the rights "
        "of sex workers and other groups at risk.",
        event_format=EventFormat.NATIONAL_DIALOGUE,
        theme="Rights-respecting policing",
        summary="The launch of a research report on how sex work is policed in two provinces, "
        "with a panel on rights-compliant policing and a roundtable of police, government, "
        "researchers and the sex work sector on what each can do next.",
        starts_at=_at(datetime.date(2018, 3, 20), 9),
        ends_at=_at(datetime.date(2018, 3, 20), 14),
        venue="Institute for Security Studies, Pretoria",
        province=Province.GAUTENG,
        audiences=[Sector.SAPS, Sector.NGO, Sector.ACADEMIC, Sector.MEDIA],
        agenda=[
            _session("09:00", "Welcome and purpose of the day", [chair], ends="09:20"),
            _session("09:20", "Findings of the research report", [researcher], ends="10:15"),
            _session("10:30", "Panel: rights-compliant policing in practice", [wellness, chair]),
            _session("12:00", "Stakeholder roundtable: next steps", [chair], ends="14:00"),
        ],
        key_learnings="\n".join(
            [
                "Reframing the problem moved the conversation from blame to cooperation.",
                "Linking the issue to gender-based violence helped cut through stigma.",
                "Evidence tied to government's own mandates opens doors.",
                "Partners outside the sector brought access to police and government.",
            ]
        ),
        report_title="Report of the national dialogue on rights-respecting policing",
    )
    events["roundtable"] = _event(
        section,
        "gauteng-roundtable-on-policing-and-sex-work-2018",
        log,
        partnerships=_partnerships("Positive Policing Partnership"),
        title="Gauteng roundtable on policing and sex work",
        event_format=EventFormat.ROUNDTABLE,
        theme="Rights-respecting policing",
        summary="A provincial roundtable, three days after the national dialogue, on strategic "
        "partnerships and concrete actions against the violence recorded in the research.",
        starts_at=_at(datetime.date(2018, 3, 23), 10),
        ends_at=_at(datetime.date(2018, 3, 23), 13),
        venue="Johannesburg",
        province=Province.GAUTENG,
        audiences=[Sector.PROVINCIAL_SECRETARIAT, Sector.SAPS, Sector.NGO],
    )
    events["exchange"] = _event(
        section,
        "area-coordination-learning-exchange",
        log,
        partnerships=_partnerships("SPRINT area-based violence prevention laboratory"),
        title="Learning exchange: area coordination and multi-sectoral partnerships",
        event_format=EventFormat.LEARNING_EXCHANGE,
        theme="Area-based violence prevention",
        summary="Municipal teams and civil-society organisations from the SPRINT laboratory "
        "compare how they coordinate work in one area across departments and partners.",
        starts_at=_at(datetime.date(2021, 9, 14), 10),
        ends_at=_at(datetime.date(2021, 9, 14), 12, 30),
        online_link="https://meet.example.org/sprint-learning-exchange",
        audiences=[Sector.MUNICIPALITY, Sector.NGO, Sector.COMMUNITY_BASED],
        key_learnings="\n".join(
            [
                "One coordinator per area keeps departments working to one plan.",
                "Partnerships last when each partner's role is written down.",
            ]
        ),
    )
    events["imbizo"] = _event(
        section,
        "rural-safety-imbizo-vryburg",
        log,
        partnerships=_partnerships("Northern Cape and North West rural safety partnership"),
        title="Rural safety imbizo, Vryburg",
        event_format=EventFormat.IMBIZO,
        theme="Rural safety and stock theft",
        summary="Farmers, farm workers, police and municipal officials met the Minister's "
        "delegation on stock theft, response times and patrols on farm roads.",
        starts_at=_at(datetime.date(2024, 8, 17), 10),
        ends_at=_at(datetime.date(2024, 8, 17), 15),
        venue="Vryburg community hall",
        province=Province.NORTH_WEST,
        audiences=[Sector.SAPS, Sector.CPF, Sector.COMMUNITY_BASED],
    )
    upcoming_day = timezone.localdate() + datetime.timedelta(days=45)
    events["upcoming"] = _event(
        section,
        "eastern-cape-dialogue-on-safer-school-routes",
        log,
        partnerships=_partnerships("Mthatha safer schools patrols"),
        title="Eastern Cape provincial dialogue on safer school routes",
        event_format=EventFormat.PROVINCIAL_DIALOGUE,
        theme="Learner safety",
        summary="Schools, CPFs, parents, police and the provincial secretariat on keeping "
        "learners safe on the way to and from school, starting from the Mthatha patrols.",
        starts_at=_at(upcoming_day, 9),
        ends_at=_at(upcoming_day, 15, 30),
        venue="Mthatha town hall",
        province=Province.EASTERN_CAPE,
        online_link="https://meet.example.org/safer-school-routes",
        audiences=[Sector.CPF, Sector.PROVINCIAL_SECRETARIAT, Sector.SAPS, Sector.COMMUNITY_BASED],
        registration_enabled=True,
        capacity=80,
        waiting_list=True,
        agenda=[
            _session("09:00", "What the school patrols learned", ends="10:00"),
            _session("10:15", "Working groups by district", ends="12:30"),
            _session("13:30", "Commitments and next steps", ends="15:30"),
        ],
    )
    return events


def _commitment(log: Log, promise: str, notes=(), partnerships=(), **fields) -> None:
    if Commitment.objects.filter(promise=promise).exists():
        return
    commitment = Commitment(promise=promise, **fields)
    commitment.save()
    commitment.partnerships.set(partnerships)
    for date, note in notes:
        commitment.progress_notes.add(CommitmentProgress(date=date, note=note))
    commitment.save()
    commitment.save_revision().publish()
    log(f"Created commitment: {promise}")


def _commitments(events: dict, log: Log) -> None:
    today = timezone.localdate()
    ppp = _partnerships("Positive Policing Partnership")
    _commitment(
        log,
        "Host a follow-up roundtable to agree partnerships and actions",
        made_by_office="Gauteng Department of Community Safety",
        made_to="The sex work sector and the Positive Policing Partnership",
        event=events["rights"],
        made_on=datetime.date(2018, 3, 20),
        due_date=datetime.date(2018, 6, 30),
        status=CommitmentStatus.DONE,
        provinces=[Province.GAUTENG],
        partnerships=ppp,
        notes=[(datetime.date(2018, 3, 23), "The roundtable took place in Johannesburg.")],
    )
    _commitment(
        log,
        "Finalise the standard operating procedure for policing sex workers with the sector",
        made_by_organisation=_organisation("South African Police Service"),
        made_by_office="" if _organisation("South African Police Service") else "SAPS",
        made_to="The Positive Policing Partnership",
        event=events["rights"],
        made_on=datetime.date(2018, 3, 20),
        due_date=today - datetime.timedelta(days=120),
        status=CommitmentStatus.IN_PROGRESS,
        partnerships=ppp,
        notes=[(datetime.date(2019, 2, 1), "A draft was discussed with sector organisations.")],
    )
    _commitment(
        log,
        "Put two more patrol vehicles on farm roads in the Vryburg cluster",
        made_by_office="Minister of Police",
        made_to="Farmers and farm workers at the imbizo",
        event=events["imbizo"],
        made_on=datetime.date(2024, 8, 17),
        due_date=today - datetime.timedelta(days=60),
        status=CommitmentStatus.OPEN,
        provinces=[Province.NORTH_WEST],
        partnerships=_partnerships("Northern Cape and North West rural safety partnership"),
    )
    _commitment(
        log,
        "Publish the learning-exchange notes on area coordination",
        made_by_organisation=_organisation("Civilian Secretariat for Police Service"),
        made_by_office="" if _organisation("Civilian Secretariat for Police Service") else "CSPS",
        event=events["exchange"],
        made_on=datetime.date(2021, 9, 14),
        due_date=datetime.date(2021, 11, 30),
        status=CommitmentStatus.DONE,
        partnerships=_partnerships("SPRINT area-based violence prevention laboratory"),
    )
    _commitment(
        log,
        "Appoint an area coordinator in every laboratory municipality",
        made_by_office="SPRINT laboratory municipalities",
        event=events["exchange"],
        made_on=datetime.date(2021, 9, 14),
        due_date=datetime.date(2022, 6, 30),
        status=CommitmentStatus.DROPPED,
        notes=[(datetime.date(2022, 7, 15), "Budgets did not allow it; partners share the role.")],
    )
    _commitment(
        log,
        "Map the most dangerous school routes in the OR Tambo district",
        made_by_office="Eastern Cape Provincial Secretariat",
        engagement="Meeting with Mthatha school governing bodies",
        made_on=today - datetime.timedelta(days=20),
        due_date=today + datetime.timedelta(days=90),
        status=CommitmentStatus.OPEN,
        provinces=[Province.EASTERN_CAPE],
        partnerships=_partnerships("Mthatha safer schools patrols"),
    )


def load(log: Log) -> None:
    section = DialogueSectionPage.objects.live().first()
    if section is None:
        return
    events = _events(section, log)
    _commitments(events, log)
