"""Research projects: the studies commissioned or under way that answer a research priority."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index

from .research_choices import ProjectStatus


class ResearchProject(index.Indexed, models.Model):
    title = models.CharField(max_length=255)
    priority = models.ForeignKey(
        "knowledge.ResearchPriorityPage", on_delete=models.PROTECT, related_name="projects"
    )
    lead_organisation = models.ForeignKey(
        "knowledge.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="research_projects",
    )
    summary = models.TextField(help_text="Shown publicly on the research priority's page.")
    status = models.CharField(
        max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("priority"),
        FieldPanel("lead_organisation"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("start_date"), FieldPanel("end_date")]),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("summary"),
    ]

    class Meta:
        ordering = ["-start_date", "title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": "The end date is before the start date."})
