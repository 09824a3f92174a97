"""What a public partnership has achieved, as its profile shows it: the KPIs editors made public
(target, latest measurement, trend), the latest completed annual review's public summary, and
whether it has a signed agreement and for what term.

Everything here is read with a fixed number of queries whatever the partnership's history, and
nothing private is selected: measurement notes, the other review fields and the scan stay out.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import JSONField, OuterRef, Prefetch, Subquery
from django.db.models.functions import JSONObject
from django.template.defaultfilters import floatformat
from django.utils.formats import date_format

from .models import KPI, Agreement, AnnualReview, KPIMeasurement
from .models.choices import AgreementKind, AgreementStatus, ReviewStatus

TREND_POINTS = 12  # the most recent measurements a trend chart draws
CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 160, 48, 4
MEASURE_FORMAT = "-2g"  # 25 stations, not "25,00"; 40,5 %; 12 500 (floatformat's argument)


def measure(value: Decimal) -> str:
    """A KPI value as readers see it, in the site's number format and without needless decimals
    (the ``measure`` template filter)."""
    return floatformat(value, MEASURE_FORMAT)


@dataclass(frozen=True)
class TrendChart:
    """A small line chart of measurements, as coordinates an SVG template draws."""

    points: str
    target_y: float | None
    dots: list[tuple[float, float]]
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT


@dataclass(frozen=True)
class PublicKPI:
    indicator: str
    unit: str
    baseline: Decimal | None
    target: Decimal
    measurements: list  # oldest first, at most TREND_POINTS, without their notes
    chart: TrendChart | None

    @property
    def latest(self):
        return self.measurements[-1] if self.measurements else None

    @property
    def trend_label(self) -> str:
        """What the trend chart shows, for screen readers (the values are also listed)."""
        first, last = self.measurements[0], self.measurements[-1]
        return (
            f"{self.indicator}: {len(self.measurements)} measurements, from "
            f"{measure(first.value)} on {date_format(first.measured_on)} to "
            f"{measure(last.value)} on {date_format(last.measured_on)}; "
            f"the dashed line is the target, {measure(self.target)}"
        )

    @property
    def target_met(self) -> bool | None:
        """Whether the latest measurement reaches the target, read in the direction the
        baseline implies (a target below the baseline is met by going down)."""
        if self.latest is None:
            return None
        falling = self.baseline is not None and self.target < self.baseline
        value = self.latest.value
        return value <= self.target if falling else value >= self.target


def trend_chart(values: list[Decimal], target: Decimal | None) -> TrendChart | None:
    """Coordinates for the values (and the target line) scaled into the chart's box."""
    if len(values) < 2:
        return None
    scale = [*values, target] if target is not None else list(values)
    low, high = min(scale), max(scale)
    span = (high - low) or Decimal(1)
    inner_w, inner_h = CHART_WIDTH - 2 * CHART_PAD, CHART_HEIGHT - 2 * CHART_PAD

    def y(value: Decimal) -> float:
        return round(CHART_PAD + inner_h * float((high - value) / span), 1)

    step = inner_w / (len(values) - 1)
    dots = [(round(CHART_PAD + i * step, 1), y(v)) for i, v in enumerate(values)]
    return TrendChart(
        points=" ".join(f"{x},{y_}" for x, y_ in dots),
        target_y=y(target) if target is not None else None,
        dots=dots,
    )


def public_kpis(partnership) -> list[PublicKPI]:
    """The partnership's public KPIs with their latest measurements: two queries."""
    recent = Prefetch(
        "measurements",
        queryset=KPIMeasurement.objects.only("kpi_id", "measured_on", "value").order_by(
            "-measured_on"
        )[:TREND_POINTS],
        to_attr="recent",
    )
    kpis = (
        KPI.objects.filter(partnership=partnership, is_public=True)
        .order_by("sort_order", "pk")
        .prefetch_related(recent)
    )
    result = []
    for kpi in kpis:
        measurements = list(reversed(kpi.recent))
        result.append(
            PublicKPI(
                indicator=kpi.indicator,
                unit=kpi.unit,
                baseline=kpi.baseline,
                target=kpi.target,
                measurements=measurements,
                chart=trend_chart([m.value for m in measurements], kpi.target),
            )
        )
    return result


@dataclass(frozen=True)
class PublicReview:
    year: int
    completed_on: date
    summary: str


def with_public_record(partnerships):
    """``partnerships`` with their latest completed review and current signed agreement read in
    the same query (each as one JSON object), as far as readers may know them."""
    review = (
        AnnualReview.objects.filter(partnership=OuterRef("pk"), status=ReviewStatus.COMPLETED)
        .exclude(completed_on=None)
        .order_by("-completed_on")
        .values(json=JSONObject(year="year", completed_on="completed_on", summary="public_summary"))
    )
    agreement = (
        Agreement.objects.filter(partnership=OuterRef("pk"), status=AgreementStatus.SIGNED)
        .order_by("-signed_on", "-pk")
        .values(
            json=JSONObject(
                kind="kind",
                signed_on="signed_on",
                effective_from="effective_from",
                expires_on="expires_on",
            )
        )
    )
    return partnerships.annotate(
        public_review=Subquery(review[:1], output_field=JSONField()),
        public_agreement=Subquery(agreement[:1], output_field=JSONField()),
    )


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None


def latest_public_review(partnership) -> PublicReview | None:
    """The latest completed annual review (from ``with_public_record``)."""
    review = partnership.public_review
    if not review:
        return None
    return PublicReview(review["year"], _date(review["completed_on"]), review["summary"])


@dataclass(frozen=True)
class PublicAgreement:
    kind: str
    signed_on: date | None
    effective_from: date | None
    expires_on: date | None


def signed_agreement(partnership) -> PublicAgreement | None:
    """The current signed agreement's kind and term (from ``with_public_record``); never its
    scan, signatories or notes."""
    agreement = partnership.public_agreement
    if not agreement:
        return None
    return PublicAgreement(
        AgreementKind(agreement["kind"]).label,
        _date(agreement["signed_on"]),
        _date(agreement["effective_from"]),
        _date(agreement["expires_on"]),
    )
