import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from reference_group.criteria import KEYS
from reference_group.models import (
    Assessment,
    Invitation,
    Member,
    ReferenceGroup,
    ReferenceGroupSectionPage,
)
from tests.knowledge.factories import PartnershipFactory
from tests.portal.factories import section_page_factory

ReferenceGroupSectionPageFactory = section_page_factory(
    ReferenceGroupSectionPage, "Reference group", "reference-group"
)
PASSWORD = "a long and unusual passphrase 42"


class ReferenceGroupFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Reference group {n}")
    mandate = "Assess partnerships independently."

    class Meta:
        model = ReferenceGroup
        skip_postgeneration_save = True


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"member{n}@example.org")
    email = factory.SelfAttribute("username")
    first_name = "Lindiwe"
    last_name = factory.Sequence(lambda n: f"Member{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def saved(self, create, extracted, **kwargs):
        if create:
            self.save()


class MemberFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    group = factory.SubFactory(ReferenceGroupFactory)
    organisation = "A civil-society organisation"
    term_start = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))

    class Meta:
        model = Member


class InvitationFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    group = factory.SubFactory(ReferenceGroupFactory)

    class Meta:
        model = Invitation


def full_ratings(rating: int = 4) -> dict:
    return {key: {"rating": rating, "comment": f"On {key}."} for key in KEYS}


class AssessmentFactory(factory.django.DjangoModelFactory):
    author = factory.SubFactory(MemberFactory)
    group = factory.SelfAttribute("author.group")
    partnership = factory.SubFactory(PartnershipFactory)
    period_start = datetime.date(2025, 1, 1)
    period_end = datetime.date(2025, 12, 31)
    ratings = factory.LazyFunction(full_ratings)
    overall_rating = 4
    narrative = "<p>The partnership <em>works</em>.</p>"
    recommendations = "Meet monthly\nShare crime data"
    consent_to_publish = True

    class Meta:
        model = Assessment
