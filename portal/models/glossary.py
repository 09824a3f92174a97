"""The glossary: the field's terms and acronyms (CPF, CSF, partnership levels, ...), each at a
stable anchor that other pages link to where the term appears."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from .base_page import BasePage

# The anchors the portal's templates link to; the demo glossary defines each of them.
LINKED_TERMS = {
    "cpf": "Community police forum (CPF)",
    "csf": "Community safety forum (CSF)",
    "community-in-blue": "Community in Blue",
    "partnership-levels": "Partnership levels",
    "stances": "Stances: pursue, take, leave",
    "settings": "Settings",
    "strategic-thrusts": "Strategic thrusts",
}


class GlossaryPage(BasePage):
    """One glossary for the site, under the home page."""

    parent_page_types = ["portal.HomePage"]
    subpage_types = []
    max_count = 1

    content_panels = [
        *BasePage.content_panels[:2],
        InlinePanel("terms", heading="Terms", label="Term"),
        *BasePage.content_panels[2:],
    ]
    search_fields = [
        *BasePage.search_fields,
        index.RelatedFields("terms", [index.SearchField("term"), index.SearchField("definition")]),
    ]

    class Meta:
        verbose_name = "glossary"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["terms"] = sorted(self.terms.all(), key=lambda t: t.term.casefold())
        return context


class GlossaryTerm(Orderable):
    page = ParentalKey(GlossaryPage, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(max_length=120)
    anchor = models.SlugField(
        max_length=60,
        blank=True,
        help_text="The address of this term on the glossary page (#anchor). Left blank, it is "
        "made from the term. Pages link to: " + ", ".join(LINKED_TERMS) + ".",
    )
    definition = models.TextField()

    panels = [FieldRowPanel([FieldPanel("term"), FieldPanel("anchor")]), FieldPanel("definition")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["page", "anchor"], name="glossary_anchor_unique")
        ]

    def __str__(self):
        return self.term

    def clean(self):
        super().clean()
        self.anchor = self.anchor or slugify(self.term)[:60]
        if not self.anchor:
            raise ValidationError({"anchor": "Give the term an anchor of letters or digits."})

    def save(self, *args, **kwargs):
        self.anchor = self.anchor or slugify(self.term)[:60]
        super().save(*args, **kwargs)
