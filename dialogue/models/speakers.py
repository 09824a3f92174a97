"""Speakers: reusable across events and sessions."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class Speaker(index.Indexed, models.Model):
    name = models.CharField(max_length=200)
    role = models.CharField(max_length=200, blank=True, help_text="For example: Deputy Director")
    organisation = models.ForeignKey(
        "knowledge.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="speakers",
        help_text="The register organisation, where there is one.",
    )
    organisation_name = models.CharField(
        max_length=255, blank=True, help_text="Only when the organisation is not in the register."
    )
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    photo_alt = models.CharField(
        "photo description",
        max_length=255,
        blank=True,
        help_text="What the photo shows, for readers who cannot see it.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("organisation_name")]),
        MultiFieldPanel([FieldPanel("photo"), FieldPanel("photo_alt")], heading="Photo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("organisation_name"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.affiliation}" if self.affiliation else self.name

    @property
    def affiliation(self) -> str:
        return self.organisation.name if self.organisation else self.organisation_name

    def clean(self):
        super().clean()
        if self.photo_id and not self.photo_alt.strip():
            raise ValidationError(
                {"photo_alt": "Describe the photo for readers who cannot see it."}
            )
