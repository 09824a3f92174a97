"""Publications in the research library, each tied to the partnerships it studied."""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.text import Truncator
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from knowledge.choosers import PublicPartnershipChoicesPageForm
from portal.blocks import BaseStreamBlock
from portal.fields import ChoiceListField
from portal.models import BasePage
from portal.taxonomy import Province, Setting

from .choices import Visibility
from .research_choices import Addressee, Language, PublicationType

DOI_PATTERN = re.compile(r"^10\.\d{4,9}/\S+$")
MAX_DAYS_AHEAD = 365


def validate_doi(value: str) -> None:
    if not DOI_PATTERN.match(value):
        raise ValidationError("A DOI looks like 10.1234/abc-567 (without https://doi.org/).")


def validate_isbn(value: str) -> None:
    digits = value.replace("-", "").replace(" ", "").upper()
    if len(digits) == 10 and digits[:9].isdigit() and (digits[9].isdigit() or digits[9] == "X"):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        if total % 11 == 0:
            return
    elif len(digits) == 13 and digits.isdigit():
        total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(digits))
        if total % 10 == 0:
            return
    raise ValidationError("This is not a valid ISBN-10 or ISBN-13; check the digits.")


class PublicationTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.PublicationPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class PublicationPage(RoutablePageMixin, BasePage):
    base_form_class = PublicPartnershipChoicesPageForm
    publication_type = models.CharField(max_length=30, choices=PublicationType.choices)
    publication_date = models.DateField()
    abstract = models.TextField()
    key_findings = StreamField(BaseStreamBlock(), blank=True, use_json_field=True)
    doi = models.CharField("DOI", max_length=200, blank=True, validators=[validate_doi])
    isbn = models.CharField("ISBN", max_length=20, blank=True, validators=[validate_isbn])
    external_url = models.URLField("web address", blank=True)
    language = models.CharField(max_length=5, choices=Language.choices, default=Language.ENGLISH)
    provinces = ChoiceListField(vocabulary=Province, blank=True)
    place_settings = ChoiceListField("settings", vocabulary=Setting, blank=True)
    topics = ClusterTaggableManager(through=PublicationTag, blank=True)
    priority = models.ForeignKey(
        "knowledge.ResearchPriorityPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The research priority this publication answers.",
    )
    partnerships = ParentalManyToManyField(
        "knowledge.Partnership",
        blank=True,
        related_name="publications",
        help_text="Partnerships it studied or evaluated. Internal partnerships are never named "
        "on the public page.",
    )

    parent_page_types = ["knowledge.ResearchLibraryPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels[:2],
        FieldRowPanel([FieldPanel("publication_type"), FieldPanel("publication_date")]),
        InlinePanel("authors", heading="Authors, in order", label="Author", min_num=1),
        FieldPanel("abstract"),
        FieldPanel("key_findings"),
        InlinePanel("recommendations", heading="Recommendations", label="Recommendation"),
        InlinePanel("documents", heading="Documents", label="Document"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("doi"), FieldPanel("isbn")]),
                FieldPanel("external_url"),
                FieldPanel("language"),
            ],
            heading="Identifiers",
        ),
        MultiFieldPanel(
            [
                FieldPanel("provinces"),
                FieldPanel("place_settings"),
                FieldPanel("topics"),
                FieldPanel("priority"),
                FieldPanel("partnerships"),
            ],
            heading="What it is about",
        ),
        *BasePage.content_panels[2:],
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("abstract", boost=2),
        index.SearchField("key_findings"),
        index.RelatedFields("authors", [index.SearchField("name")]),
        index.RelatedFields("topics", [index.SearchField("name", boost=2)]),
        index.FilterField("publication_type"),
        index.FilterField("publication_date"),
    ]

    class Meta:
        verbose_name = "publication"
        # "Latest research" on the home page and the library's default order read it newest
        # first; without an index every publication is sorted on each request.
        indexes = [models.Index(fields=["-publication_date"], name="publication_newest_first")]

    def clean(self):
        super().clean()
        latest = timezone.localdate() + datetime.timedelta(days=MAX_DAYS_AHEAD)
        if self.publication_date and self.publication_date > latest:
            raise ValidationError(
                {"publication_date": "This date is more than a year ahead; check the year."}
            )

    def get_meta_description(self) -> str:
        # Whole words: a description cut mid-word reads as a fault wherever it is shown.
        return self.search_description or self.introduction or Truncator(self.abstract).words(40)

    @property
    def public_partnerships(self):
        return self.partnerships.filter(visibility=Visibility.PUBLIC)

    def get_context(self, request, *args, **kwargs):
        from portal.kept_bodies import kept_for_readers

        context = super().get_context(request, *args, **kwargs)
        context["body"] = kept_for_readers(
            request, f"publication:{self.pk}", lambda: self.rendered_body(request)
        )
        return context

    def rendered_body(self, request) -> dict:
        """The publication as readers see it (``html``) and its structured data (``json_ld``)."""
        from django.template.loader import render_to_string

        from knowledge.citations import formatted_reference
        from knowledge.structured_data import publication_json_ld
        from portal.documents import readable_documents
        from portal.routing import routed_parent

        # Authors and topics are read by the page, its citation and its structured data: once.
        prefetch_related_objects([self], "authors", "topics")
        # Not the document's extracted text: a long report's would be read on every view.
        documents = self.documents.select_related("document").defer("document__extracted_text")
        context = {
            "page": self,
            # Its provinces, settings and topics lead to the library filtered by them.
            "library": routed_parent(request, self),
            "citation": formatted_reference(self, request),
            "recommendations_by_body": self.recommendations.all(),
            "documents": readable_documents(request, documents),
        }
        return {
            "html": render_to_string("knowledge/includes/publication_body.html", context, request),
            "json_ld": publication_json_ld(self, request),
        }

    @path("")
    def publication(self, request):
        return self.render(request)

    @path("cite/bibtex/")
    def bibtex(self, request):
        from knowledge.citations import bibtex_response

        return bibtex_response(self, request)

    @path("cite/ris/")
    def ris(self, request):
        from knowledge.citations import ris_response

        return ris_response(self, request)


class PublicationAuthor(Orderable):
    publication = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="authors")
    name = models.CharField(max_length=200, help_text="As it should appear in citations.")
    affiliation = models.CharField(max_length=255, blank=True)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("affiliation")])]

    def __str__(self):
        return self.name


class PublicationRecommendation(Orderable):
    publication = ParentalKey(
        PublicationPage, on_delete=models.CASCADE, related_name="recommendations"
    )
    text = models.TextField("recommendation")
    addressed_to = models.CharField(max_length=30, choices=Addressee.choices, blank=True)

    panels = [FieldPanel("text"), FieldPanel("addressed_to")]

    def __str__(self):
        return self.text[:80]


class PublicationDocument(Orderable):
    publication = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "portal.PortalDocument", on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(
        max_length=200, blank=True, help_text="Leave blank to use the document's title."
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    def __str__(self):
        return self.label or self.document.title
