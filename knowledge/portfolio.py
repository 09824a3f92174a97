"""The portfolio at a glance, for the register dashboard and the home page's figures."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Case, Count, DecimalField, F, Sum, When

from knowledge.flags import Flag, flag_conditions
from knowledge.models import Cost, Partnership, Risk
from knowledge.models.choices import (
    CLOSED_STATUSES,
    CostKind,
    CostPeriod,
    PartnershipStatus,
    RiskStatus,
    Stance,
)
from knowledge.models.performance import HIGH_RISK_SCORE


@dataclass
class PortfolioSummary:
    total: int = 0
    by_status: list[tuple[str, int]] = field(default_factory=list)
    by_stance: list[tuple[str, int]] = field(default_factory=list)
    by_flag: list[tuple[Flag, int]] = field(default_factory=list)
    explicit_annual_cost: Decimal = Decimal("0")
    open_high_risks: int = 0


def _labelled(counts: dict, choices) -> list[tuple[str, int]]:
    return [(label, counts.get(value, 0)) for value, label in choices]


def _count_by(queryset, name: str) -> dict:
    return dict(queryset.values_list(name).annotate(n=Count("pk")).order_by())


def portfolio_summary(today: date) -> PortfolioSummary:
    """Counted by the database, in a handful of queries whatever the size of the register."""
    partnerships = Partnership.objects.all()
    flags = flag_conditions(today)
    totals = partnerships.aggregate(
        total=Count("pk"),
        **{f"flag_{index}": Count("pk", filter=flags[flag]) for index, flag in enumerate(Flag)},
    )
    open_costs = Cost.objects.filter(kind=CostKind.EXPLICIT, amount__isnull=False).exclude(
        partnership__status__in=CLOSED_STATUSES
    )
    per_year = Case(
        When(period=CostPeriod.MONTHLY, then=F("amount") * 12),
        When(period=CostPeriod.QUARTERLY, then=F("amount") * 4),
        default=F("amount"),
        output_field=DecimalField(max_digits=20, decimal_places=2),
    )
    return PortfolioSummary(
        total=totals["total"],
        by_status=_labelled(_count_by(partnerships, "status"), PartnershipStatus.choices),
        by_stance=_labelled(_count_by(partnerships, "stance"), Stance.choices),
        by_flag=[(flag, totals[f"flag_{index}"]) for index, flag in enumerate(Flag)],
        explicit_annual_cost=open_costs.aggregate(total=Sum(per_year))["total"] or Decimal("0"),
        open_high_risks=Risk.objects.filter(status=RiskStatus.OPEN)
        .exclude(partnership__status__in=CLOSED_STATUSES)
        .alias(score=F("likelihood") * F("impact"))
        .filter(score__gte=HIGH_RISK_SCORE)
        .count(),
    )
