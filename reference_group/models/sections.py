"""The Reference group section page: the groups, their mandate and members, and recent
published assessments."""

from portal.models import SectionIndexPage

RECENT_ASSESSMENTS = 10


class ReferenceGroupSectionPage(SectionIndexPage):
    """The Reference group section: who the groups are and their published assessments."""

    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = "Reference group section"

    def get_context(self, request, *args, **kwargs):
        from django.db.models import Prefetch

        from knowledge.models import PartnershipsSectionPage
        from knowledge.models.choices import Visibility
        from reference_group.public_sections import LISTED

        from .assessments import Assessment
        from .groups import Member, ReferenceGroup

        context = super().get_context(request, *args, **kwargs)
        # Members who agreed to be named and have a name on record (never an e-mail address).
        named = (
            Member.objects.filter(show_name=True)
            .exclude(user__first_name="", user__last_name="")
            .select_related("user")
            .only("group", "show_name", "user__first_name", "user__last_name")
        )
        profiles = PartnershipsSectionPage.objects.live().public().first()
        assessments = []
        if profiles is not None:
            assessments = list(
                Assessment.objects.published()
                .filter(partnership__visibility=Visibility.PUBLIC)
                .select_related("partnership", "group")
                .only(*LISTED)
                .order_by("-published_at")[:RECENT_ASSESSMENTS]
            )
            for assessment in assessments:
                assessment.public_url = (
                    f"{profiles.profile_url(assessment.partnership)}#assessment-{assessment.pk}"
                )
        context.update(
            groups=ReferenceGroup.objects.prefetch_related(
                Prefetch("members", queryset=named, to_attr="named_members")
            ),
            assessments=assessments,
        )
        return context
