"""The register's own vocabularies (the shared ones live in portal/taxonomy.py)."""

from django.db import models


class Scope(models.TextChoices):
    NATIONAL = "national", "National"
    PROVINCIAL = "provincial", "Provincial"
    LOCAL = "local", "Local (police precinct or municipality)"


class Level(models.TextChoices):
    """The four levels of the partnering guide, from least to most interconnected."""

    COMMUNICATION = "communication", "Communication"
    COORDINATION = "coordination", "Coordination"
    COOPERATION = "cooperation", "Cooperation"
    COLLABORATION = "collaboration", "Collaboration"


class Formality(models.TextChoices):
    FORMAL = "formal", "Formal (shared strategy or plan)"
    INFORMAL = "informal", "Informal (same goal, own plans)"


class FundingModel(models.TextChoices):
    SELF_FUNDED = "self-funded", "Each partner funds its own participation"
    JOINTLY_FUNDED = "jointly-funded", "Funded jointly by the partners"
    EXTERNALLY_FUNDED = "externally-funded", "External funding"
    UNFUNDED = "unfunded", "No funding"


class Term(models.TextChoices):
    SHORT = "short", "Short term"
    LONG = "long", "Long term"


class Stance(models.TextChoices):
    """Strategy 6.1: which partnerships to pursue, which to take when offered, which to leave."""

    PURSUE = "pursue", "Pursue"
    TAKE = "take", "Take"
    LEAVE = "leave", "Leave"


class PartnershipStatus(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    ACTIVE = "active", "Active"
    UNDER_REVIEW = "under-review", "Under review"
    SUSPENDED = "suspended", "Suspended"
    EXPIRED = "expired", "Expired"
    TERMINATED = "terminated", "Terminated"


CLOSED_STATUSES = (PartnershipStatus.EXPIRED, PartnershipStatus.TERMINATED)


class Visibility(models.TextChoices):
    PUBLIC = "public", "Public: has a profile on the portal"
    INTERNAL = "internal", "Internal: register staff only"

    @property
    def short_label(self) -> str:
        """ "Public" or "Internal", without the explanation forms give (for listings)."""
        return self.label.split(":")[0]


class PartyRole(models.TextChoices):
    LEAD = "lead", "Lead"
    PARTNER = "partner", "Partner"
    FUNDER = "funder", "Funder"
    IMPLEMENTER = "implementer", "Implementer"


class StakeholderStructure(models.TextChoices):
    SINGLE = "single", "Single stakeholder group"
    MULTI = "multi", "Multi-stakeholder"


class Rating(models.IntegerChoices):
    LOW = 1, "Low"
    MEDIUM = 2, "Medium"
    HIGH = 3, "High"


class RiskStatus(models.TextChoices):
    OPEN = "open", "Open"
    MITIGATED = "mitigated", "Mitigated"
    CLOSED = "closed", "Closed"


class CostKind(models.TextChoices):
    EXPLICIT = "explicit", "Explicit (money spent)"
    IMPLICIT = "implicit", "Implicit (staff time, venues, vehicles)"


class CostPeriod(models.TextChoices):
    ONCE = "once", "Once"
    MONTHLY = "monthly", "Per month"
    QUARTERLY = "quarterly", "Per quarter"
    ANNUALLY = "annually", "Per year"


class AgreementKind(models.TextChoices):
    MOA = "moa", "Memorandum of agreement (MoA)"
    MOU = "mou", "Memorandum of understanding (MoU)"
    INTERNAL_MINUTE = "internal-minute", "Internal minute"
    SLA = "sla", "Service-level agreement"
    OTHER = "other", "Other"


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SIGNED = "signed", "Signed"
    SUPERSEDED = "superseded", "Superseded"
    EXPIRED = "expired", "Expired"


class ReviewRecommendation(models.TextChoices):
    CONTINUE = "continue", "Continue"
    RENEW = "renew", "Renew"
    AMEND = "amend", "Amend"
    PROPOSE_NATIONAL = "propose-national", "Propose as a national partnership"
    TERMINATE = "terminate", "Terminate"


class ReviewStatus(models.TextChoices):
    SCHEDULED = "scheduled", "Scheduled"
    IN_PROGRESS = "in-progress", "In progress"
    COMPLETED = "completed", "Completed"


class ReviewFinding(models.TextChoices):
    INCONSISTENCY = "inconsistency", "Inconsistencies in the record"
    DUPLICATION = "duplication", "Duplicates another partnership"
    DATED_AGREEMENT = "dated-agreement", "Agreement out of date"
