"""Organisations that take part in partnerships, and their contact person, whom only register
staff may see."""

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

    def contact_or_blank(self) -> "OrganisationContact":
        """The contact person, or a blank one (not yet saved) to fill in."""
        try:
            return self.contact
        except OrganisationContact.DoesNotExist:
            self.contact = OrganisationContact()
            return self.contact

    def save_contact(self) -> None:
        """Saves the contact person's details (after the organisation itself), or removes the
        record once every detail has been cleared."""
        contact = self.contact_or_blank()
        contact.organisation = self
        contact.save_or_delete()


class OrganisationContact(models.Model):
    """An organisation's contact person: personal information (POPIA) for register staff only.

    It has a table of its own so that nothing that reads organisations (public pages, search
    documents, feeds, exports) reads it too: only code that asks for ``organisation.contact``
    does, and only the register's admin form and import do. Edited as part of the
    organisation (``knowledge/admin_forms.py``).
    """

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, primary_key=True, related_name="contact"
    )
    name = models.CharField(max_length=200, blank=True)
    role = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True)
    phone = models.CharField(max_length=40, blank=True)

    # What the register's form and spreadsheets call "contact_<detail>".
    DETAILS = ("name", "role", "email", "phone")

    class Meta:
        verbose_name = "contact person"

    def __str__(self):
        return self.name or self.email or self.phone

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in self.DETAILS)

    def save_or_delete(self) -> None:
        """Saves the details, or removes the record once every detail has been cleared."""
        if not self.is_empty:
            self.save()
        elif not self._state.adding:
            self.delete()
