"""Organisations that take part in partnerships, with a contact person only staff may see."""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from wagtail.search import index

from portal.fields import ChoiceListField
from portal.taxonomy import Province, Sector

from .choices import Visibility

npo_number_validator = RegexValidator(
    r"^\d{3}-\d{3}(-NPO)?$", "Write an NPO number as 123-456 or 123-456-NPO."
)
psira_number_validator = RegexValidator(r"^\d{5,10}$", "A PSIRA number is 5 to 10 digits.")

# The contact person: for staff only, so never read by a public page.
CONTACT_FIELDS = ("contact_name", "contact_role", "contact_email", "contact_phone")


def without_contacts(queryset, via: str = ""):
    """``queryset`` without organisations' contact fields: its own (an organisation
    queryset), or those of the organisation it joins through ``via`` (``select_related``)."""
    return queryset.defer(*(f"{via}__{name}" if via else name for name in CONTACT_FIELDS))


class OrganisationQuerySet(models.QuerySet):
    def public(self):
        """Organisations readers may know of: those taking part in a public partnership."""
        return self.filter(partnership_roles__partnership__visibility=Visibility.PUBLIC).distinct()


class Organisation(index.Indexed, models.Model):
    name = models.CharField(max_length=255)
    sector = models.CharField(max_length=40, choices=Sector.choices)
    provinces = ChoiceListField(
        vocabulary=Province, blank=True, help_text="Where the organisation works."
    )
    npo_number = models.CharField(
        "NPO number",
        max_length=20,
        blank=True,
        validators=[npo_number_validator],
        help_text="For registered non-profit organisations.",
    )
    psira_number = models.CharField(
        "PSIRA number",
        max_length=20,
        blank=True,
        validators=[psira_number_validator],
        help_text="For crime prevention associations that meet the private security criteria.",
    )
    website = models.URLField(blank=True)

    # Personal information (POPIA): shown to register staff only, never on public pages,
    # in exports for the public, or in search documents.
    contact_name = models.CharField(max_length=200, blank=True)
    contact_role = models.CharField(max_length=200, blank=True)
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)

    objects = OrganisationQuerySet.as_manager()

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("npo_number"),
        index.SearchField("psira_number"),
        index.FilterField("sector"),
    ]

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                "sector",
                name="organisation_unique_name_per_sector",
                violation_error_message="An organisation with this name is already registered "
                "in this sector.",
            ),
        ]

    def __str__(self):
        return self.name
