"""What a member rates: the partnering guide's criteria of a healthy partnership, the impact on
police service delivery, and overall effectiveness (each 1 to 5)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Criterion:
    key: str
    label: str
    question: str


CRITERIA: tuple[Criterion, ...] = (
    Criterion("objectives", "Clarity of objectives", "Are the shared goals clear and agreed?"),
    Criterion(
        "alignment", "Alignment of stakeholders", "Do the partners pull in the same direction?"
    ),
    Criterion("communication", "Communication", "Do partners keep each other informed?"),
    Criterion("trust", "Trust", "Do partners rely on each other's word and work?"),
    Criterion("value", "Value to each side", "Does every partner gain from taking part?"),
    Criterion("community", "Community involvement", "Are the people it serves part of the work?"),
    Criterion("governance", "Governance", "Are roles, decisions and money well managed?"),
    Criterion("kpis", "Key performance indicators met", "Is it achieving what it set out to?"),
    Criterion(
        "service_delivery",
        "Impact on police service delivery",
        "Has policing improved for the people it serves?",
    ),
)
KEYS = tuple(criterion.key for criterion in CRITERIA)
LABELS = {criterion.key: criterion.label for criterion in CRITERIA}
RATINGS = [(n, str(n)) for n in range(1, 6)]
