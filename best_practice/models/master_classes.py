"""Master classes (strategy 4.2.5): short courses that teach practices from the library."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from portal.fields import ChoiceListField
from portal.models import BasePage

from .choices import Audience


class LinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200)
    url = blocks.URLBlock()


class ModuleBlock(blocks.StructBlock):
    """One module. Videos are links, not embeds: the portal must work on a closed network."""

    title = blocks.CharBlock(max_length=200)
    outcomes = blocks.TextBlock(help_text="What participants can do afterwards, one per line.")
    materials = blocks.ListBlock(DocumentChooserBlock(), required=False, default=[])
    videos = blocks.ListBlock(LinkBlock(), required=False, default=[])
    links = blocks.ListBlock(LinkBlock(), required=False, default=[])

    class Meta:
        icon = "list-ol"
        template = "best_practice/blocks/module_block.html"


class MasterClassPage(BasePage):
    theme = models.CharField(max_length=255)
    audience = ChoiceListField(vocabulary=Audience)
    partner_institutions = ParentalManyToManyField(
        "knowledge.Organisation", blank=True, related_name="master_classes"
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    venue = models.CharField(max_length=255, blank=True)
    online_link = models.URLField(blank=True)
    learning_outcomes = models.TextField(help_text="One per line.")
    modules = StreamField([("module", ModuleBlock())], blank=True, use_json_field=True)
    practices = ParentalManyToManyField(
        "best_practice.PracticePage", blank=True, related_name="master_classes"
    )

    # How to take part: master classes are commissioned for practitioners, who apply or are
    # nominated through their organisation, so the page says how, and until when.
    how_to_take_part = models.TextField(
        blank=True, help_text="Who may attend, and how to apply or be nominated."
    )
    application_url = models.URLField(
        "application or nomination form", blank=True, help_text="A form to apply with, if any."
    )
    contact_email = models.EmailField(
        blank=True, help_text="Where to ask about this master class. Shown on the public page."
    )
    applications_close = models.DateField(
        null=True, blank=True, help_text="The last day to apply. Blank: until the class starts."
    )

    parent_page_types = ["best_practice.MasterClassSectionPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels[:2],
        FieldPanel("theme"),
        FieldPanel("audience"),
        InlinePanel("facilitators", heading="Facilitators", label="Facilitator"),
        FieldPanel("partner_institutions"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("venue"),
                FieldPanel("online_link"),
            ],
            heading="When and where",
        ),
        MultiFieldPanel(
            [
                FieldPanel("how_to_take_part"),
                FieldPanel("application_url"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("applications_close")]),
            ],
            heading="How to take part",
        ),
        FieldPanel("learning_outcomes"),
        FieldPanel("modules"),
        FieldPanel("practices"),
        *BasePage.content_panels[2:],
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("theme", boost=2),
        index.SearchField("learning_outcomes"),
        index.SearchField("modules"),
    ]

    class Meta:
        verbose_name = "master class"

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "The class ends before it starts."
        if not self.venue.strip() and not self.online_link:
            errors["venue"] = "Give a venue, an online link, or both."
        if (
            self.applications_close
            and self.start_date
            and self.applications_close > self.start_date
        ):
            errors["applications_close"] = "Applications must close by the day the class starts."
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["taught_practices"] = self.practices.filter(live=True)
        context["facilitators"] = self.facilitators.select_related("organisation")
        context["institutions"] = self.partner_institutions.all()
        return context

    @property
    def taking_part(self) -> dict | None:
        """What the page says about taking part, or None once the class has started or when
        editors gave no way to take part. ``open`` is False after applications closed."""
        today = timezone.localdate()
        offered = self.how_to_take_part.strip() or self.application_url or self.contact_email
        if not offered or today >= self.start_date:
            return None
        closes = self.applications_close
        return {"closes": closes, "open": closes is None or today <= closes}

    @property
    def outcomes(self) -> list[str]:
        return [line.strip() for line in self.learning_outcomes.splitlines() if line.strip()]


class Facilitator(Orderable):
    master_class = ParentalKey(
        MasterClassPage, on_delete=models.CASCADE, related_name="facilitators"
    )
    name = models.CharField(max_length=200)
    organisation = models.ForeignKey(
        "knowledge.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("organisation")])]

    def __str__(self):
        return self.name
