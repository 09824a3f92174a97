"""Vocabularies of the best-practice library and master classes."""

from django.db import models


class EvidenceRating(models.TextChoices):
    """The overall verdict, kept apart from how strong the evidence behind it is."""

    EFFECTIVE = "effective", "Effective"
    PROMISING = "promising", "Promising"
    MIXED = "mixed", "Mixed results"
    NO_EFFECT = "no-effect", "No effect"
    INSUFFICIENT = "insufficient", "Insufficient evidence"


RATING_ORDER = [rating.value for rating in EvidenceRating]


class EvidenceStrength(models.TextChoices):
    ONE_STUDY = "one-study", "One study"
    SEVERAL_CONSISTENT = "several-consistent", "Several consistent studies"
    SYSTEMATIC_REVIEW = "systematic-review", "Systematic review"


class EffectDirection(models.TextChoices):
    IMPROVED = "improved", "Improved"
    NO_CHANGE = "no-change", "No change"
    WORSENED = "worsened", "Worsened"


class Structure(models.TextChoices):
    """Who is involved in carrying out a practice."""

    SAPS = "saps", "SAPS"
    CPF = "cpf", "Community police forum"
    CSF = "csf", "Community safety forum"
    COMMUNITY_IN_BLUE = "community-in-blue", "Community in Blue"
    MUNICIPALITY = "municipality", "Municipality"
    NGO = "ngo", "NGOs and community organisations"
    NEIGHBOURHOOD_WATCH = "neighbourhood-watch", "Neighbourhood watch"


class Audience(models.TextChoices):
    SAPS = "saps", "SAPS members"
    CPF = "cpf", "CPF members"
    PROVINCIAL_SECRETARIAT = "provincial-secretariat", "Provincial Secretariat staff"
    MUNICIPAL = "municipal", "Municipal officials"
