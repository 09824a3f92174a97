"""What the register notices by itself: flags computed from the data, never typed in.

Most flags are SQL conditions, so the admin can filter on them and annotate a page of rows in
one query. "Likely duplicate" compares partnerships with each other, so it is stored on each
partnership (``Partnership.likely_duplicate``): recomputed for the partnerships concerned when
a partnership or its parties change (``knowledge.signals``), and for the whole register by
``manage.py refresh_register_flags`` (nightly).
"""

from collections import defaultdict
from datetime import date, timedelta
from itertools import combinations

from django.db import models
from django.db.models import Case, Exists, OuterRef, Q, When

from knowledge.models import Agreement, AnnualReview, Cost, Partnership, PartnershipParty, Risk
from knowledge.models.choices import (
    CLOSED_STATUSES,
    AgreementStatus,
    Formality,
    PartnershipStatus,
    ReviewStatus,
    Scope,
)
from portal.taxonomy import Province, Sector

EXPIRY_WARNING_DAYS = 90
REVIEW_INTERVAL_DAYS = 365

# State bodies are parties to most partnerships, so sharing one says nothing about duplication.
STATE_SECTORS = {Sector.SAPS, Sector.CIVILIAN_SECRETARIAT, Sector.PROVINCIAL_SECRETARIAT}


class Flag(models.TextChoices):
    NATIONAL_CANDIDATE = "national-candidate", "Spans provinces: national candidate"
    AGREEMENT_EXPIRED = "agreement-expired", "Agreement expired"
    AGREEMENT_EXPIRING = "agreement-expiring", "Agreement expires within 90 days"
    SCAN_MISSING = "scan-missing", "Signed agreement has no scan"
    NO_SIGNED_AGREEMENT = "no-signed-agreement", "Formal, but no signed agreement"
    REVIEW_OVERDUE = "review-overdue", "No completed review in 12 months"
    NO_RISK_ANALYSIS = "no-risk-analysis", "No risk analysis"
    NO_COST_ESTIMATE = "no-cost-estimate", "No cost estimate"
    LIKELY_DUPLICATE = "likely-duplicate", "Likely duplicate"


def _conditions(today: date) -> dict[Flag, Q]:
    partnership = OuterRef("pk")
    current_agreements = Agreement.objects.filter(partnership=partnership).exclude(
        status=AgreementStatus.SUPERSEDED
    )
    signed = current_agreements.filter(status=AgreementStatus.SIGNED)
    recent_review = AnnualReview.objects.filter(
        partnership=partnership,
        status=ReviewStatus.COMPLETED,
        completed_on__gte=today - timedelta(days=REVIEW_INTERVAL_DAYS),
    )
    is_open = ~Q(status__in=CLOSED_STATUSES)
    return {
        Flag.NATIONAL_CANDIDATE: is_open
        & Q(scope=Scope.PROVINCIAL, provinces__regex=r"^\|[^|]+\|[^|]+\|"),
        Flag.AGREEMENT_EXPIRED: is_open
        & Exists(
            current_agreements.filter(Q(status=AgreementStatus.EXPIRED) | Q(expires_on__lt=today))
        ),
        Flag.AGREEMENT_EXPIRING: is_open
        & Exists(
            signed.filter(
                expires_on__gte=today,
                expires_on__lte=today + timedelta(days=EXPIRY_WARNING_DAYS),
            )
        ),
        Flag.SCAN_MISSING: is_open & Exists(signed.filter(signed_scan="")),
        Flag.NO_SIGNED_AGREEMENT: is_open & Q(formality=Formality.FORMAL) & ~Exists(signed),
        Flag.REVIEW_OVERDUE: Q(
            status__in=[PartnershipStatus.ACTIVE, PartnershipStatus.UNDER_REVIEW],
            start_date__lte=today - timedelta(days=REVIEW_INTERVAL_DAYS),
        )
        & ~Exists(recent_review),
        Flag.NO_RISK_ANALYSIS: is_open & ~Exists(Risk.objects.filter(partnership=partnership)),
        Flag.NO_COST_ESTIMATE: is_open & ~Exists(Cost.objects.filter(partnership=partnership)),
    }


def annotation_name(flag: Flag) -> str:
    return "flag_" + flag.value.replace("-", "_")


def flag_conditions(today: date) -> dict[Flag, Q]:
    """Every flag as a condition on a partnership (likely duplicates: the stored column)."""
    return {**_conditions(today), Flag.LIKELY_DUPLICATE: Q(likely_duplicate=True)}


def annotate_flags(queryset, today: date):
    """Add one boolean column per flag (``flag_agreement_expired`` ...) to ``queryset``.

    Likely duplicates are read from the stored column.
    """
    conditions = flag_conditions(today)
    return queryset.annotate(
        **{
            annotation_name(flag): Case(
                When(condition, then=True), default=False, output_field=models.BooleanField()
            )
            for flag, condition in conditions.items()
        }
    )


def filter_by_flag(queryset, flag: Flag | str, today: date):
    return queryset.filter(flag_conditions(today)[Flag(flag)])


def flags_of(partnership) -> list[Flag]:
    """The flags of a partnership fetched through ``annotate_flags``."""
    return [flag for flag in Flag if getattr(partnership, annotation_name(flag), False)]


def _areas(scope: str, provinces: list[str], locality: str) -> set[tuple[str, str]]:
    """What ground a partnership covers, as (province, locality) pairs; '' means all of it."""
    if scope == Scope.NATIONAL:
        return {(province, "") for province in Province.values}
    if scope == Scope.LOCAL:
        return {(province, locality.strip().lower()) for province in provinces}
    return {(province, "") for province in provinces}


def _overlap(first: set[tuple[str, str]], second: set[tuple[str, str]]) -> bool:
    for province, locality in first:
        for other_province, other_locality in second:
            if province == other_province and (
                not locality or not other_locality or locality == other_locality
            ):
                return True
    return False


def likely_duplicate_ids(organisation_ids=None) -> set[int]:
    """Open partnerships sharing a non-state partner organisation and overlapping ground
    (among the parties of ``organisation_ids`` only, if given).

    Two partnerships of the same NGO in the same province (or the same precinct, for local
    ones) are probably one effort recorded twice, or two that should be merged.
    """
    parties = PartnershipParty.objects.all()
    if organisation_ids is not None:
        parties = parties.filter(organisation_id__in=organisation_ids)
    rows = duplicate_rows_query(parties)
    return duplicates_among(rows, Partnership._meta.get_field("provinces").to_python)


def duplicate_rows_query(parties):
    """The party rows the rule reads: open partnerships' non-state parties."""
    return (
        parties.exclude(partnership__status__in=CLOSED_STATUSES)
        .exclude(organisation__sector__in=STATE_SECTORS)
        .values_list(
            "organisation_id",
            "partnership_id",
            "partnership__scope",
            "partnership__provinces",
            "partnership__locality",
        )
    )


def duplicates_among(rows, provinces_of) -> set[int]:
    """The rule itself, on plain rows (organisation, partnership, scope, provinces, locality):
    partnerships of one organisation whose ground overlaps. Also used by migration 0005."""
    by_organisation = defaultdict(dict)
    for organisation_id, partnership_id, scope, provinces, locality in rows:
        by_organisation[organisation_id][partnership_id] = _areas(
            scope, provinces_of(provinces), locality
        )
    duplicates = set()
    for partnerships in by_organisation.values():
        for (first_id, first), (second_id, second) in combinations(partnerships.items(), 2):
            if _overlap(first, second):
                duplicates.update((first_id, second_id))
    return duplicates


def refresh_likely_duplicates(partnership_ids=None, organisation_ids=()) -> int:
    """Store the "likely duplicate" flag: for the whole register when no ids are given, else
    for the partnerships that share a non-state organisation with ``partnership_ids`` or are
    parties of ``organisation_ids`` (the only ones a change to those can affect). Returns how
    many partnerships changed."""
    if partnership_ids is None and not organisation_ids:
        affected = Partnership.objects.all()
        duplicates = likely_duplicate_ids()
    else:
        non_state = PartnershipParty.objects.exclude(organisation__sector__in=STATE_SECTORS)
        organisations = set(organisation_ids) | set(
            non_state.filter(partnership_id__in=partnership_ids or []).values_list(
                "organisation_id", flat=True
            )
        )
        affected_ids = set(partnership_ids or []) | set(
            non_state.filter(organisation_id__in=organisations).values_list(
                "partnership_id", flat=True
            )
        )
        # Each affected partnership's flag depends on every organisation it shares.
        everything_they_share = set(
            non_state.filter(partnership_id__in=affected_ids).values_list(
                "organisation_id", flat=True
            )
        )
        affected = Partnership.objects.filter(pk__in=affected_ids)
        duplicates = likely_duplicate_ids(everything_they_share) & affected_ids
    raised = affected.filter(pk__in=duplicates, likely_duplicate=False).update(
        likely_duplicate=True
    )
    lowered = (
        affected.exclude(pk__in=duplicates)
        .filter(likely_duplicate=True)
        .update(likely_duplicate=False)
    )
    return raised + lowered
