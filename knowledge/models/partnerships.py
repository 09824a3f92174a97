"""The partnership: the register's central record, and the organisations taking part in it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import LockableMixin, Orderable, RevisionMixin
from wagtail.search import index

from portal.fields import ChoiceListField
from portal.taxonomy import Province, StrategicThrust

from .choices import (
    CLOSED_STATUSES,
    Formality,
    FundingModel,
    Level,
    PartnershipStatus,
    PartyRole,
    Scope,
    StakeholderStructure,
    Stance,
    Term,
    Visibility,
)
from .references import allocate_reference


class PartnershipQuerySet(models.QuerySet):
    def public(self):
        """What anonymous readers may see: public partnerships, nothing internal."""
        return self.filter(visibility=Visibility.PUBLIC)

    def open(self):
        return self.exclude(status__in=CLOSED_STATUSES)

    def with_parties(self):
        """Each partnership's parties, in order, with their organisations: one query for all."""
        return self.prefetch_related(
            models.Prefetch("parties", PartnershipParty.objects.select_related("organisation"))
        )

    def with_public_parties(self):
        """``with_parties`` reading only what public pages and search show of each party: its
        role and its organisation's name and sector, never the organisation's contacts."""
        parties = PartnershipParty.objects.select_related("organisation").only(
            "partnership", "role", "organisation__name", "organisation__sector"
        )
        return self.prefetch_related(models.Prefetch("parties", parties))


# What the register keeps of a partnership by itself, through updates rather than saves.
KEPT_BY_THE_REGISTER = ("profile_digest", "profile_updated_at")


class Partnership(LockableMixin, RevisionMixin, index.Indexed, ClusterableModel):
    reference = models.CharField(
        max_length=20,
        unique=True,
        editable=False,
        help_text="Given on creation (CSPS-year-number) and never changed; the sort key.",
    )
    title = models.CharField(max_length=255)
    summary = models.TextField(
        max_length=1000, help_text="Shown publicly on the profile of a public partnership."
    )
    purpose = models.TextField("purpose and objectives")

    scope = models.CharField(max_length=20, choices=Scope.choices)
    provinces = ChoiceListField(
        vocabulary=Province,
        blank=True,
        help_text="Provincial scope: every province it covers. Local scope: its province.",
    )
    locality = models.CharField(
        max_length=200,
        blank=True,
        help_text="Local scope: the police precinct or municipality.",
    )
    level = models.CharField(max_length=20, choices=Level.choices)
    formality = models.CharField(max_length=20, choices=Formality.choices)
    funding_model = models.CharField(max_length=30, choices=FundingModel.choices)
    term = models.CharField(max_length=10, choices=Term.choices)
    stance = models.CharField(
        max_length=10,
        choices=Stance.choices,
        help_text="Pursue: seek it out. Take: accept when offered. Leave: do not take part.",
    )
    thrusts = ChoiceListField("strategic thrusts", vocabulary=StrategicThrust, blank=True)
    responsible_unit = models.CharField(max_length=200)
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=PartnershipStatus.choices, default=PartnershipStatus.PROPOSED
    )
    visibility = models.CharField(
        max_length=10, choices=Visibility.choices, default=Visibility.INTERNAL
    )
    likely_duplicate = models.BooleanField(
        default=False,
        editable=False,
        db_index=True,
        help_text="Shares a non-state organisation and ground with another open partnership. "
        "Kept up to date by the register (see knowledge/flags.py), never typed in.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    made_public_at = models.DateTimeField(
        "public since",
        null=True,
        blank=True,
        editable=False,
        help_text="When it was first made public: the moment it appeared on the public register "
        "and in its feeds. Set by the register, never typed in.",
    )
    updated_at = models.DateTimeField(auto_now=True)
    profile_updated_at = models.DateTimeField(
        "profile last updated",
        default=timezone.now,
        editable=False,
        help_text="When what its public profile shows of it last changed (not its risks, costs "
        'or other internal details): its "Last updated". Kept by the register '
        "(knowledge/profile_updates.py), never typed in.",
    )
    profile_digest = models.CharField(max_length=64, blank=True, editable=False)

    objects = PartnershipQuerySet.as_manager()

    search_fields = [
        index.SearchField("reference", boost=3),
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
        index.SearchField("purpose"),
        index.FilterField("status"),
        index.FilterField("visibility"),
    ]

    class Meta:
        ordering = ["reference"]
        permissions = [("view_agreement_scan", "Can open signed agreement scans")]
        # The public list's orders other than by reference (knowledge.public_filters.SORTS).
        indexes = [
            models.Index(fields=["-start_date", "-reference"], name="partnership_newest_first"),
            models.Index(
                fields=["-profile_updated_at", "-reference"], name="partnership_profile_updated"
            ),
            models.Index(fields=["-made_public_at", "-reference"], name="partnership_newly_public"),
            models.Index(fields=["title", "reference"], name="partnership_by_title"),
        ]

    def __str__(self):
        return f"{self.reference} {self.title}" if self.reference else self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = "The end date is before the start date."
        provinces = list(self.provinces or [])
        if self.scope == Scope.NATIONAL:
            self.provinces = [Province.NATIONAL]
        elif Province.NATIONAL in provinces:
            errors["provinces"] = "Only a national partnership covers the whole country."
        elif self.scope == Scope.PROVINCIAL and not provinces:
            errors["provinces"] = "Choose the provinces a provincial partnership covers."
        elif self.scope == Scope.LOCAL and len(provinces) != 1:
            errors["provinces"] = "Choose the one province a local partnership is in."
        if self.scope == Scope.LOCAL and not self.locality.strip():
            errors["locality"] = "Name the police precinct or municipality."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if not self._state.adding and kwargs.get("update_fields") is None:
            # Kept by the register with updates this instance may not have seen: never written
            # back from an instance read before them (knowledge/profile_updates.py). Re-read
            # rather than left out of update_fields, which would also leave out the child rows
            # ClusterableModel.save() commits (parties, KPIs, risks ...).
            kept = type(self).objects.filter(pk=self.pk).values(*KEPT_BY_THE_REGISTER).first()
            for name, value in (kept or {}).items():
                setattr(self, name, value)
        if not self.reference:
            self.reference = allocate_reference(timezone.localdate().year)
        if self.is_public and self.made_public_at is None:
            self.made_public_at = timezone.now()
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "made_public_at"}
        super().save(*args, **kwargs)

    @property
    def is_public(self) -> bool:
        return self.visibility == Visibility.PUBLIC

    @property
    def stakeholder_structure(self) -> str:
        """Single stakeholder group when every party comes from one sector (partnering guide)."""
        sectors = {party.organisation.sector for party in self.parties.all()}
        if len(sectors) > 1:
            return StakeholderStructure.MULTI
        return StakeholderStructure.SINGLE

    @property
    def parties_for_export(self) -> str:
        """Parties as "Organisation [role]; ..." (the import reads the same form)."""
        return "; ".join(
            f"{party.organisation.name} [{party.role}]" for party in self.parties.all()
        )

    def get_stakeholder_structure_display(self) -> str:
        return StakeholderStructure(self.stakeholder_structure).label


class PartnershipParty(Orderable):
    partnership = ParentalKey(Partnership, on_delete=models.CASCADE, related_name="parties")
    organisation = models.ForeignKey(
        "knowledge.Organisation", on_delete=models.PROTECT, related_name="partnership_roles"
    )
    role = models.CharField(max_length=20, choices=PartyRole.choices, default=PartyRole.PARTNER)

    class Meta(Orderable.Meta):
        verbose_name = "party"
        verbose_name_plural = "parties"
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "organisation"], name="party_once_per_partnership"
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"
