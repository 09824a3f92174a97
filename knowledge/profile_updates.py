"""When a partnership's public record last changed: the "Last updated" its profile, the register's
"Recently updated" order and the sitemap show.

The record's own updated_at moves with any edit, including its risks, costs, internal notes and
responsible unit, so showing it would tell readers when something private was edited. Instead
the register keeps a digest of what its profile shows of the partnership itself: its public
fields, its parties (which organisations, in which roles), its public KPIs as shown with their
measurements, its current signed agreement's kind and term, and its latest completed review's
public summary. Whenever one of those rows is saved or deleted, the digest is computed again
in the same transaction (four queries), and ``profile_updated_at`` moves only if it differs.

An organisation's own page changes with it (a new name), not each of its partnerships. Rows
deleted with their partnership, and measurements deleted with their KPI, leave the digest to the
row whose deletion took them (none, or the KPI's once), not one computation each.
"""

import hashlib

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from portal import page_cache

from . import achievements
from .models import KPI, Agreement, AnnualReview, KPIMeasurement, Partnership, PartnershipParty

PUBLIC_FIELDS = (
    "title",
    "summary",
    "purpose",
    "scope",
    "provinces",
    "locality",
    "level",
    "term",
    "thrusts",
    "start_date",
    "end_date",
    "status",
)
# Saving only these changes nothing a profile shows of the partnership.
OWN_FIELDS = frozenset({"profile_digest", "profile_updated_at", "likely_duplicate"})


def public_digest(partnership) -> str:
    """The digest of what the profile shows of ``partnership`` (read with ``with_public_record``
    and ``with_public_parties``)."""
    kpis = [
        (
            kpi.indicator,
            kpi.unit,
            kpi.baseline,
            kpi.target,
            [(m.measured_on, m.value) for m in kpi.measurements],
        )
        for kpi in achievements.public_kpis(partnership)
    ]
    shown = (
        tuple(getattr(partnership, name) for name in PUBLIC_FIELDS),
        tuple((party.organisation_id, party.role) for party in partnership.parties.all()),
        kpis,
        partnership.public_review,
        partnership.public_agreement,
    )
    return hashlib.sha256(repr(shown).encode()).hexdigest()


def refresh(partnership_id) -> None:
    """Compute the digest again; if what the profile shows changed, it was updated now. A
    partnership read for the first time (no digest yet) keeps its date."""
    partnership = (
        achievements.with_public_record(Partnership.objects.with_public_parties())
        .filter(pk=partnership_id)
        .first()
    )
    if partnership is None:  # deleted with it
        return
    digest = public_digest(partnership)
    if digest == partnership.profile_digest:
        return
    if not partnership.profile_digest:  # adopted: the date readers see stays
        Partnership.objects.filter(pk=partnership_id).update(profile_digest=digest)
        return
    Partnership.objects.filter(pk=partnership_id).update(
        profile_digest=digest, profile_updated_at=timezone.now()
    )
    # An update sends no signal: pages rendered between the change's save and this (outside a
    # transaction) must not be served under the generation that follows it.
    page_cache.bump()


def _partnership_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields and frozenset(update_fields) <= OWN_FIELDS):
        return
    refresh(instance.pk)


def _deleted_with(origin, *models) -> bool:
    """Whether ``origin`` (what a deletion began with) is one of ``models`` or a query of them."""
    if isinstance(origin, QuerySet):
        return issubclass(origin.model, models)
    return isinstance(origin, models)


def _part_changed(sender, instance, raw=False, origin=None, **kwargs):
    if not raw and not _deleted_with(origin, Partnership):
        refresh(instance.partnership_id)


def _measurement_changed(sender, instance, raw=False, origin=None, **kwargs):
    if not raw and not _deleted_with(origin, Partnership, KPI):
        refresh(
            KPI.objects.filter(pk=instance.kpi_id).values_list("partnership_id", flat=True).first()
        )


def connect() -> None:
    """Called once from KnowledgeConfig.ready()."""
    post_save.connect(_partnership_saved, sender=Partnership, dispatch_uid="profile_update")
    for model in (PartnershipParty, KPI, Agreement, AnnualReview):
        for signal in (post_save, post_delete):
            signal.connect(_part_changed, sender=model, dispatch_uid=f"profile_update_{model}")
    for signal in (post_save, post_delete):
        signal.connect(_measurement_changed, sender=KPIMeasurement, dispatch_uid="profile_measure")
