import datetime

import factory
import wagtail_factories
from django.utils import timezone

from dialogue.models import (
    Commitment,
    CommitmentStatus,
    DialogueEventPage,
    DialogueSectionPage,
    EventFormat,
    Speaker,
)
from portal.taxonomy import Province
from tests.portal.factories import section_page_factory

DialogueSectionPageFactory = section_page_factory(
    DialogueSectionPage, "National dialogue", "national-dialogue"
)


def dialogue_section() -> DialogueSectionPage:
    return DialogueSectionPage.objects.first() or DialogueSectionPageFactory()


def in_days(days: float, hour: int = 9) -> datetime.datetime:
    """A moment ``days`` from today at ``hour`` o'clock, South African time."""
    day = timezone.localdate() + datetime.timedelta(days=int(days))
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class DialogueEventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Dialogue event {n}")
    parent = factory.LazyFunction(dialogue_section)
    event_format = EventFormat.ROUNDTABLE
    theme = "Rights-respecting policing"
    summary = "Practitioners, officials and journalists on policing that respects rights."
    starts_at = factory.LazyFunction(lambda: in_days(10, 9))
    ends_at = factory.LazyFunction(lambda: in_days(10, 16))
    venue = "Pretoria"
    province = Province.GAUTENG

    class Meta:
        model = DialogueEventPage


class SpeakerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Speaker {n}")
    role = "Researcher"
    organisation_name = "A university"

    class Meta:
        model = Speaker


class CommitmentFactory(factory.django.DjangoModelFactory):
    promise = factory.Sequence(lambda n: f"Commitment {n}")
    made_by_office = "Minister of Police"
    engagement = "Imbizo in Mthatha"
    made_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=60))
    due_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    status = CommitmentStatus.OPEN
    live = True

    class Meta:
        model = Commitment
        skip_postgeneration_save = True
