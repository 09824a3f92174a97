"""The portfolio at a glance, for the register dashboard and the home page's figures."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import F

from knowledge.flags import Flag, annotate_flags, annotation_name
from knowledge.models import Cost, Partnership, Risk
from knowledge.models.choices import (
    CLOSED_STATUSES,
    CostKind,
    Level,
    PartnershipStatus,
    RiskStatus,
    Stance,
)
from knowledge.models.performance import HIGH_RISK_SCORE
from portal.taxonomy import Province


@dataclass
class PortfolioSummary:
    total: int = 0
    by_status: list[tuple[str, int]] = field(default_factory=list)
    by_level: list[tuple[str, int]] = field(default_factory=list)
    by_province: list[tuple[str, int]] = field(default_factory=list)
    by_stance: list[tuple[str, int]] = field(default_factory=list)
    by_flag: list[tuple[Flag, int]] = field(default_factory=list)
    explicit_annual_cost: Decimal = Decimal("0")
    open_high_risks: int = 0


def _labelled(counts: Counter, choices) -> list[tuple[str, int]]:
    return [(label, counts.get(value, 0)) for value, label in choices]


def portfolio_summary(today: date) -> PortfolioSummary:
    rows = list(
        annotate_flags(Partnership.objects.all(), today).values(
            "pk",
            "status",
            "level",
            "stance",
            "provinces",
            *[annotation_name(flag) for flag in Flag],
        )
    )
    provinces = Counter()
    for row in rows:
        provinces.update(row["provinces"])
    flag_counts = Counter(flag for row in rows for flag in Flag if row[annotation_name(flag)])

    open_costs = Cost.objects.filter(kind=CostKind.EXPLICIT, amount__isnull=False).exclude(
        partnership__status__in=CLOSED_STATUSES
    )
    return PortfolioSummary(
        total=len(rows),
        by_status=_labelled(Counter(row["status"] for row in rows), PartnershipStatus.choices),
        by_level=_labelled(Counter(row["level"] for row in rows), Level.choices),
        by_province=_labelled(provinces, Province.choices),
        by_stance=_labelled(Counter(row["stance"] for row in rows), Stance.choices),
        by_flag=[(flag, flag_counts[flag]) for flag in Flag],
        explicit_annual_cost=sum(
            (cost.annual_amount for cost in open_costs.only("amount", "period")), Decimal("0")
        ),
        open_high_risks=Risk.objects.filter(status=RiskStatus.OPEN)
        .exclude(partnership__status__in=CLOSED_STATUSES)
        .alias(score=F("likelihood") * F("impact"))
        .filter(score__gte=HIGH_RISK_SCORE)
        .count(),
    )
