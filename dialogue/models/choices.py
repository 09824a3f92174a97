"""Vocabularies of the national dialogue."""

from django.db import models


class EventFormat(models.TextChoices):
    NATIONAL_DIALOGUE = "national-dialogue", "National dialogue"
    PROVINCIAL_DIALOGUE = "provincial-dialogue", "Provincial dialogue"
    ROUNDTABLE = "roundtable", "Roundtable"
    IMBIZO = "imbizo", "Imbizo"
    WEBINAR = "webinar", "Webinar"
    LEARNING_EXCHANGE = "learning-exchange", "Learning exchange"
    WORKSHOP = "workshop", "Workshop"


class EventTiming(models.TextChoices):
    UPCOMING = "upcoming", "Upcoming"
    HAPPENING = "happening", "Happening now"
    PAST = "past", "Past"


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed"
    WAITING = "waiting", "On the waiting list"
    CANCELLED = "cancelled", "Cancelled"


class CommitmentStatus(models.TextChoices):
    OPEN = "open", "Open"
    IN_PROGRESS = "in-progress", "In progress"
    DONE = "done", "Done"
    DROPPED = "dropped", "Dropped"


UNFINISHED = (CommitmentStatus.OPEN, CommitmentStatus.IN_PROGRESS)
