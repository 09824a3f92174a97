"""Reference groups and their members.

Members are Django's users with a ``Member`` profile beside them (no custom user model): the
portal's editors and members share one sign-in, an account is a member only if it has a
profile (which only an accepted invitation creates), and a member gets no admin access.
"""

import datetime

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from portal.fields import ChoiceListField
from portal.taxonomy import Province

INVITATION_SALT = "reference_group.invitation"
INVITATION_DAYS = 14


class Scope(models.TextChoices):
    NATIONAL = "national", "National"
    PROVINCIAL = "provincial", "Provincial"


class MemberRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    MEMBER = "member", "Member"


class ReferenceGroup(ClusterableModel):
    name = models.CharField(max_length=200, unique=True)
    mandate = models.TextField(help_text="What the group assesses and why, in plain words.")
    scope = models.CharField(max_length=12, choices=Scope.choices, default=Scope.NATIONAL)
    provinces = ChoiceListField(vocabulary=Province, blank=True)
    assigned_partnerships = ParentalManyToManyField(
        "knowledge.Partnership",
        blank=True,
        related_name="reference_groups",
        help_text="Internal partnerships the group may assess (public ones anyone may).",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("mandate"),
        FieldRowPanel([FieldPanel("scope"), FieldPanel("provinces")]),
        FieldPanel("assigned_partnerships"),
    ]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.scope == Scope.PROVINCIAL and not self.provinces:
            raise ValidationError({"provinces": "Name the provinces of a provincial group."})


class Member(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="member"
    )
    group = models.ForeignKey(ReferenceGroup, on_delete=models.PROTECT, related_name="members")
    organisation = models.CharField(max_length=255, blank=True)
    role = models.CharField(max_length=10, choices=MemberRole.choices, default=MemberRole.MEMBER)
    term_start = models.DateField()
    term_end = models.DateField(null=True, blank=True)
    conflicts = models.ManyToManyField(
        "knowledge.Partnership",
        blank=True,
        related_name="conflicted_members",
        verbose_name="declared conflicts of interest",
        help_text="Partnerships this member must not assess.",
    )
    show_name = models.BooleanField(
        "name shown in public", default=False, help_text="The member agreed to be named."
    )

    panels = [
        FieldPanel("group"),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("role")]),
        FieldRowPanel([FieldPanel("term_start"), FieldPanel("term_end")]),
        FieldPanel("conflicts"),
        FieldPanel("show_name"),
    ]

    class Meta:
        ordering = ["group", "user__last_name", "user__first_name"]

    def __str__(self):
        return f"{self.display_name} ({self.group})"

    @property
    def display_name(self) -> str:
        """For the member and the editors: the name, or the e-mail address if there is none."""
        return self.user.get_full_name() or self.user.email

    @property
    def public_name(self) -> str:
        """What readers may see: the name, only if the member agreed to be named, and never the
        e-mail address (a member with no name on record is not named)."""
        return self.user.get_full_name() if self.show_name else ""

    def in_term(self, today: datetime.date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.term_start <= today and (self.term_end is None or today <= self.term_end)

    def may_assess(self, partnership) -> bool:
        """Not a declared conflict, and public or assigned to the member's group."""
        if self.conflicts.filter(pk=partnership.pk).exists():
            return False
        if partnership.is_public:
            return True
        return self.group.assigned_partnerships.filter(pk=partnership.pk).exists()

    def assessable_partnerships(self):
        from knowledge.models import Partnership
        from knowledge.models.choices import Visibility

        allowed = models.Q(visibility=Visibility.PUBLIC) | models.Q(reference_groups=self.group)
        return (
            Partnership.objects.filter(allowed)
            .exclude(pk__in=self.conflicts.values("pk"))
            .distinct()
            .order_by("title")
        )


class Invitation(models.Model):
    """An e-mailed invitation to join a group: a signed link, single use, valid INVITATION_DAYS."""

    email = models.EmailField("e-mail")
    group = models.ForeignKey(ReferenceGroup, on_delete=models.CASCADE, related_name="invitations")
    organisation = models.CharField(max_length=255, blank=True)
    role = models.CharField(max_length=10, choices=MemberRole.choices, default=MemberRole.MEMBER)
    term_start = models.DateField(default=timezone.localdate)
    term_end = models.DateField(null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [
        FieldPanel("email"),
        FieldPanel("group"),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("role")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("term_start"), FieldPanel("term_end")])], heading="Term"
        ),
    ]

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} to {self.group}"

    @property
    def token(self) -> str:
        return signing.dumps({"invitation": self.pk}, salt=INVITATION_SALT, compress=True)

    @classmethod
    def from_token(cls, token: str) -> "Invitation":
        """Raises signing.SignatureExpired (too old), signing.BadSignature (forged) or
        DoesNotExist (withdrawn)."""
        data = signing.loads(
            token, salt=INVITATION_SALT, max_age=datetime.timedelta(days=INVITATION_DAYS)
        )
        return cls.objects.select_related("group").get(pk=data["invitation"])
