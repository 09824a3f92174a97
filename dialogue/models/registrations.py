"""Registrations for dialogue events: personal data, seen only by editors who may, kept until a
set number of days after the event (``purge_registrations``)."""

from django.core import signing
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone

from portal.taxonomy import Sector

from .choices import RegistrationStatus

CANCEL_SALT = "dialogue.registration.cancel"


class RegistrationRefused(Exception):
    """A registration that cannot be taken; ``field`` says where the reader should look."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=RegistrationStatus.CONFIRMED)

    def waiting(self):
        return self.filter(status=RegistrationStatus.WAITING)

    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)


class Registration(models.Model):
    event = models.ForeignKey(
        "dialogue.DialogueEventPage", on_delete=models.CASCADE, related_name="registrations"
    )
    name = models.CharField(max_length=200)
    organisation = models.CharField(max_length=255, blank=True)
    sector = models.CharField(max_length=40, choices=Sector.choices, blank=True)
    email = models.EmailField("e-mail")
    needs = models.TextField(
        "accessibility or dietary needs",
        blank=True,
        max_length=1000,
        help_text="Anything we should arrange so that you can take part.",
    )
    consent = models.BooleanField(default=False)
    status = models.CharField(
        max_length=12, choices=RegistrationStatus.choices, default=RegistrationStatus.CONFIRMED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["event", "created_at"]
        constraints = [
            models.UniqueConstraint(
                "event",
                Lower("email"),
                condition=~Q(status=RegistrationStatus.CANCELLED),
                name="one_active_registration_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status"], name="registration_event_status")]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    @property
    def cancel_token(self) -> str:
        return signing.dumps({"registration": self.pk}, salt=CANCEL_SALT, compress=True)

    @classmethod
    def from_cancel_token(cls, token: str) -> "Registration":
        """The registration a cancellation link names; raises signing.BadSignature for a forged
        or damaged link and DoesNotExist for one whose data has since been deleted."""
        data = signing.loads(token, salt=CANCEL_SALT)
        return cls.objects.select_related("event").get(pk=data["registration"])

    @classmethod
    def take(cls, event, **details) -> "Registration":
        """Register one person: a confirmed place while there is one, else the waiting list if
        the event keeps one. The event's row is locked for the count (PostgreSQL; SQLite runs
        one write transaction at a time), so concurrent submissions never overbook."""
        from .events import DialogueEventPage

        email = details["email"].strip()
        with transaction.atomic():
            locked = DialogueEventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)
            if not locked.registration_open():
                raise RegistrationRefused("Registration for this event has closed.")
            if cls.objects.filter(event=locked, email__iexact=email).active().exists():
                raise RegistrationRefused(
                    "This e-mail address is already registered for this event.", "email"
                )
            status = RegistrationStatus.CONFIRMED
            if locked.capacity is not None and (
                cls.objects.filter(event=locked).confirmed().count() >= locked.capacity
            ):
                if not locked.waiting_list:
                    raise RegistrationRefused("This event is full.")
                status = RegistrationStatus.WAITING
            return cls.objects.create(event=locked, status=status, **{**details, "email": email})

    def cancel(self) -> "Registration | None":
        """Give the place up; the first person waiting (if any) gets it and is returned."""
        from .events import DialogueEventPage

        with transaction.atomic():
            DialogueEventPage.objects.select_for_update(of=("self",)).get(pk=self.event_id)
            was_confirmed = (
                type(self).objects.filter(pk=self.pk).values_list("status", flat=True).get()
                == RegistrationStatus.CONFIRMED
            )
            self.status = RegistrationStatus.CANCELLED
            self.cancelled_at = timezone.now()
            self.save(update_fields=["status", "cancelled_at"])
            if not was_confirmed:
                return None
            promoted = type(self).objects.filter(event_id=self.event_id).waiting().first()
            if promoted is not None:
                promoted.status = RegistrationStatus.CONFIRMED
                promoted.save(update_fields=["status"])
            return promoted
