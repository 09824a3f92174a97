"""The national dialogue: events, speakers, registrations and the commitments tracker."""

from .choices import CommitmentStatus, EventFormat, EventTiming, RegistrationStatus
from .commitments import Commitment, CommitmentProgress
from .events import DialogueEventPage
from .registrations import Registration, RegistrationRefused
from .sections import DialogueSectionPage
from .speakers import Speaker

__all__ = [
    "Commitment",
    "CommitmentProgress",
    "CommitmentStatus",
    "DialogueEventPage",
    "DialogueSectionPage",
    "EventFormat",
    "EventTiming",
    "Registration",
    "RegistrationRefused",
    "RegistrationStatus",
    "Speaker",
]
