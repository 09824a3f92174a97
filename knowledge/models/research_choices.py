"""Vocabularies of the research agenda and the research library."""

from django.db import models


class ResearchScope(models.TextChoices):
    LOCAL = "local", "Local"
    REGIONAL = "regional", "Regional"
    NATIONAL = "national", "National"


class ResearchMethod(models.TextChoices):
    FOCUS_GROUPS = "focus-groups", "Focus groups"
    WORKSHOPS = "workshops", "Community workshops"
    SURVEYS = "surveys", "Surveys"
    ADMINISTRATIVE_DATA = "administrative-data", "Administrative data"
    EVALUATION = "evaluation", "Programme evaluation"
    LITERATURE_REVIEW = "literature-review", "Literature review"


class ResponsibleBody(models.TextChoices):
    SECRETARIAT = "csps", "Civilian Secretariat for Police Service"
    PROVINCIAL_SECRETARIATS = "provincial-secretariats", "Provincial Secretariats"
    CPFS = "cpfs", "Community police forums"


class PriorityStatus(models.TextChoices):
    IDENTIFIED = "identified", "Identified"
    COMMISSIONED = "commissioned", "Commissioned"
    IN_PROGRESS = "in-progress", "In progress"
    COMPLETED = "completed", "Completed"


class PublicationType(models.TextChoices):
    RESEARCH_REPORT = "research-report", "Research report"
    POLICY_BRIEF = "policy-brief", "Policy brief"
    EVALUATION = "evaluation", "Evaluation"
    CASE_STUDY = "case-study", "Case study"
    GUIDELINE = "guideline", "Guideline"
    DATASET = "dataset", "Dataset"


class Addressee(models.TextChoices):
    """Who a recommendation asks to act, so recommendations can be listed per body."""

    SAPS = "saps", "South African Police Service"
    SECRETARIAT = "csps", "Civilian Secretariat for Police Service"
    PROVINCIAL_SECRETARIATS = "provincial-secretariats", "Provincial Secretariats"
    CPFS = "cpfs", "Community police forums"
    MUNICIPALITIES = "municipalities", "Municipalities"
    CIVIL_SOCIETY = "civil-society", "Civil society"
    MINISTER = "minister", "Minister of Police"


class Language(models.TextChoices):
    ENGLISH = "en", "English"
    AFRIKAANS = "af", "Afrikaans"
    ISIZULU = "zu", "isiZulu"
    ISIXHOSA = "xh", "isiXhosa"
    SEPEDI = "nso", "Sepedi"
    SETSWANA = "tn", "Setswana"
    SESOTHO = "st", "Sesotho"
    XITSONGA = "ts", "Xitsonga"
    SISWATI = "ss", "siSwati"
    TSHIVENDA = "ve", "Tshivenda"
    ISINDEBELE = "nr", "isiNdebele"
    SIGN_LANGUAGE = "sfs", "South African Sign Language"


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", "Planned"
    UNDER_WAY = "under-way", "Under way"
    COMPLETED = "completed", "Completed"
    CANCELLED = "cancelled", "Cancelled"
