"""The vocabularies every app shares, so a province or a strategy means the same thing everywhere.

Values are stable slugs stored in the database and used in URLs and search facets; labels are
what people read. Add a value only with a migration for the fields that use it.
"""

from django.db import models


class Province(models.TextChoices):
    """The nine provinces, plus "National" for work that covers the whole country."""

    NATIONAL = "national", "National"
    EASTERN_CAPE = "eastern-cape", "Eastern Cape"
    FREE_STATE = "free-state", "Free State"
    GAUTENG = "gauteng", "Gauteng"
    KWAZULU_NATAL = "kwazulu-natal", "KwaZulu-Natal"
    LIMPOPO = "limpopo", "Limpopo"
    MPUMALANGA = "mpumalanga", "Mpumalanga"
    NORTHERN_CAPE = "northern-cape", "Northern Cape"
    NORTH_WEST = "north-west", "North West"
    WESTERN_CAPE = "western-cape", "Western Cape"

    @classmethod
    def provinces_only(cls) -> list["Province"]:
        """The nine provinces without the national scope."""
        return [member for member in cls if member is not cls.NATIONAL]


class Setting(models.TextChoices):
    """Kinds of place: what works differs between them (strategy 4.2.2)."""

    URBAN = "urban", "Urban"
    SUBURBAN = "suburban", "Suburban"
    PERI_URBAN = "peri-urban", "Peri-urban"
    INFORMAL_SETTLEMENT = "informal-settlement", "Informal settlement"
    RURAL = "rural", "Rural"


class StrategyCategory(models.TextChoices):
    """Families of crime-prevention practice named in strategy 4.2.2."""

    TARGET_HARDENING = "target-hardening", "Target hardening"
    PLACE_BASED = "place-based", "Place-based"
    OFFENDER_BASED = "offender-based", "Offender-based"
    PATROL = "patrol", "Patrol"
    LEGITIMACY_BASED = "legitimacy-based", "Legitimacy-based"


class StrategicThrust(models.TextChoices):
    """The Partnership Strategy's eight thrusts (section 4), numbered as the strategy has them."""

    PARTNERSHIP_REGISTER = (
        "1-partnership-register",
        "1. Register and monitor partnerships and agreements",
    )
    KNOWLEDGE_SHARING = "2-knowledge-sharing", "2. Knowledge-sharing platforms for practitioners"
    RESEARCH_AGENDA = "3-research-agenda", "3. Research agenda for community safety"
    CPF_REPORTING = "4-cpf-reporting", "4. CPF reporting moves to Provincial Secretariats"
    STRUCTURE_GUIDANCE = (
        "5-structure-guidance",
        "5. Guidance and best practice for CPFs and associations",
    )
    SPHERE_ALIGNMENT = "6-sphere-alignment", "6. Aligning national and provincial Secretariat work"
    CSF_SUPPORT = "7-csf-support", "7. Support for CSFs and CPF initiatives"
    COMMUNITY_POLICING_TRAINING = (
        "8-community-policing-training",
        "8. Community-policing training for SAPS and CPFs",
    )


class Sector(models.TextChoices):
    """Which part of society a partner organisation comes from."""

    SAPS = "saps", "South African Police Service"
    CIVILIAN_SECRETARIAT = "civilian-secretariat", "Civilian Secretariat for Police Service"
    PROVINCIAL_SECRETARIAT = (
        "provincial-secretariat",
        "Provincial Secretariat / department of community safety",
    )
    CPF = "cpf", "Community police forum"
    CSF = "csf", "Community safety forum"
    COMMUNITY_IN_BLUE = "community-in-blue", "Community in Blue"
    CRIME_PREVENTION_ASSOCIATION = (
        "crime-prevention-association",
        "Crime prevention association / neighbourhood watch",
    )
    NGO = "ngo", "NGO / NPO"
    COMMUNITY_BASED = "community-based", "Community-based organisation"
    FAITH_BASED = "faith-based", "Faith-based organisation"
    ACADEMIC = "academic", "Academic or research institution"
    PRIVATE_SECTOR = "private-sector", "Private sector"
    MEDIA = "media", "Media"
    MUNICIPALITY = "municipality", "Municipality"
    OTHER_GOVERNMENT = "other-government", "Other government department or agency"
    INTERNATIONAL = "international", "International organisation"
