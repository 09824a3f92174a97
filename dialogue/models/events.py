"""Dialogue events (strategy 4.1.3): who meets, when and where, the agenda, what came out of
it, and registration. Times are stored in UTC and shown in Africa/Johannesburg."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock

from knowledge.choosers import PublicPartnershipChoicesPageForm
from portal.fields import ChoiceListField
from portal.models import BasePage
from portal.routing import routed_parent
from portal.taxonomy import Province, Sector

from .choices import EventFormat, EventTiming


class SpeakerChooserBlock(SnippetChooserBlock):
    """A speaker, read with their register organisation: the agenda names each affiliation."""

    def __init__(self, **kwargs):
        super().__init__("dialogue.Speaker", **kwargs)

    def bulk_to_python(self, values):
        speakers = super().bulk_to_python(values)
        prefetch_related_objects([speaker for speaker in speakers if speaker], "organisation")
        return speakers


class SessionBlock(blocks.StructBlock):
    """One session of the agenda."""

    day = blocks.DateBlock(required=False, help_text="Only for events of more than one day.")
    starts = blocks.TimeBlock(help_text="South African time.")
    ends = blocks.TimeBlock(required=False)
    title = blocks.CharBlock(max_length=255)
    speakers = blocks.ListBlock(SpeakerChooserBlock(), default=[])
    documents = blocks.ListBlock(DocumentChooserBlock(), default=[], label="Session documents")

    class Meta:
        icon = "time"
        template = "dialogue/blocks/session_block.html"


class DialogueEventPage(RoutablePageMixin, BasePage):
    base_form_class = PublicPartnershipChoicesPageForm
    event_format = models.CharField("format", max_length=30, choices=EventFormat.choices)
    theme = models.CharField(max_length=255)
    summary = models.TextField()
    starts_at = models.DateTimeField("starts")
    ends_at = models.DateTimeField("ends")
    venue = models.CharField(max_length=255, blank=True)
    province = models.CharField(
        max_length=20, choices=Province.choices, blank=True, help_text="Where the venue is."
    )
    online_link = models.URLField(blank=True, help_text="Where to join online, if one can.")
    audiences = ChoiceListField("who it is for", vocabulary=Sector, blank=True)
    agenda = StreamField([("session", SessionBlock())], blank=True, use_json_field=True)
    related_publications = ParentalManyToManyField(
        "knowledge.PublicationPage", blank=True, related_name="dialogue_events"
    )
    related_practices = ParentalManyToManyField(
        "best_practice.PracticePage", blank=True, related_name="dialogue_events"
    )
    partnerships = ParentalManyToManyField(
        "knowledge.Partnership",
        blank=True,
        related_name="dialogue_events",
        help_text="Internal partnerships are never named on the public page.",
    )

    key_learnings = models.TextField(blank=True, help_text="After the event. One per line.")
    report = models.ForeignKey(
        "portal.PortalDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The event report (a PDF's text is searchable).",
    )

    registration_enabled = models.BooleanField("take registrations", default=False)
    capacity = models.PositiveIntegerField(
        null=True, blank=True, help_text="Places available. Leave blank for no limit."
    )
    registration_closes_at = models.DateTimeField(
        "registration closes", null=True, blank=True, help_text="Blank: when the event starts."
    )
    waiting_list = models.BooleanField(
        default=True, help_text="When the event is full, take names for a waiting list."
    )

    parent_page_types = ["dialogue.DialogueSectionPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels[:2],
        FieldRowPanel([FieldPanel("event_format"), FieldPanel("theme")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("province")]),
                FieldPanel("online_link"),
            ],
            heading="When and where",
        ),
        FieldPanel("audiences"),
        FieldPanel("agenda"),
        MultiFieldPanel(
            [
                FieldPanel("related_publications"),
                FieldPanel("related_practices"),
                FieldPanel("partnerships"),
            ],
            heading="Related research, practice and partnerships",
        ),
        MultiFieldPanel(
            [FieldPanel("key_learnings"), FieldPanel("report")], heading="After the event"
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_closes_at")]),
                FieldPanel("waiting_list"),
            ],
            heading="Registration",
        ),
        *BasePage.content_panels[2:],
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("theme", boost=2),
        index.SearchField("summary"),
        index.FilterField("event_format"),
        index.FilterField("starts_at"),
    ]

    class Meta:
        verbose_name = "dialogue event"

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = "The event ends before it starts."
        if not self.venue.strip() and not self.online_link:
            errors["venue"] = "Give a venue, an online link, or both."
        if self.venue.strip() and not self.province:
            errors["province"] = "Say which province the venue is in."
        if (
            self.registration_closes_at
            and self.ends_at
            and self.registration_closes_at > self.ends_at
        ):
            errors["registration_closes_at"] = "Registration must close before the event ends."
        if errors:
            raise ValidationError(errors)

    # When -------------------------------------------------------------------------------

    def timing(self, now: datetime.datetime | None = None) -> str:
        """Upcoming, happening now or past, by the clock (not the calendar date), so an event
        that runs past midnight is "happening now" until it ends."""
        now = now or timezone.now()
        if now < self.starts_at:
            return EventTiming.UPCOMING
        if now <= self.ends_at:
            return EventTiming.HAPPENING
        return EventTiming.PAST

    def get_timing_display(self) -> str:
        return EventTiming(self.timing()).label

    @property
    def local_start(self) -> datetime.datetime:
        return timezone.localtime(self.starts_at)

    @property
    def local_end(self) -> datetime.datetime:
        return timezone.localtime(self.ends_at)

    @property
    def is_online(self) -> bool:
        return bool(self.online_link)

    @property
    def in_person(self) -> bool:
        return bool(self.venue.strip())

    @property
    def learnings(self) -> list[str]:
        return [line.strip() for line in self.key_learnings.splitlines() if line.strip()]

    # Registration -------------------------------------------------------------------------

    @property
    def closes_at(self) -> datetime.datetime:
        return self.registration_closes_at or self.starts_at

    def registration_open(self, now: datetime.datetime | None = None) -> bool:
        return self.registration_enabled and (now or timezone.now()) < self.closes_at

    def places_taken(self) -> int:
        from .registrations import Registration

        return Registration.objects.filter(event=self).confirmed().count()

    def is_full(self) -> bool:
        return self.capacity is not None and self.places_taken() >= self.capacity

    # Reading ------------------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        from dialogue.calendar import calendar_links, event_json_ld
        from knowledge.models.choices import Visibility

        context = super().get_context(request, *args, **kwargs)
        context.update(
            timing=self.timing(),
            public_partnerships=self.partnerships.filter(visibility=Visibility.PUBLIC),
            publications=self.related_publications.live().public(),
            practices=self.related_practices.live().public(),
            commitments=self.commitments.live().with_maker(),
            section=routed_parent(request, self),
            calendar_links=calendar_links(self, request),
            json_ld=event_json_ld(self, request),
        )
        context["full"] = self.registration_enabled and self.is_full()
        if "form" not in context and self.registration_open():
            from dialogue.forms import RegistrationForm

            context["form"] = RegistrationForm(event=self)
        return context

    @path("")
    def event(self, request):
        return self.render(request)

    @path("register/")
    def register(self, request):
        from dialogue.views import register

        return register(request, self)

    @path("registered/")
    def registered(self, request):
        from dialogue.views import registered

        return registered(request, self)

    @path("cancel/")
    def cancel(self, request):
        from dialogue.views import cancel

        return cancel(request, self, request.GET.get("token", ""))

    @path("calendar/")
    def ics(self, request):
        from dialogue.calendar import event_ics_response

        return event_ics_response(self, request)
