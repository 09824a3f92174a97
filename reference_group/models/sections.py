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

        from reference_group.public_sections import recent_public_assessments

        from .groups import Member, ReferenceGroup

        context = super().get_context(request, *args, **kwargs)
        # Members who agreed to be named and have a name on record (never an e-mail address).
        named = (
            Member.objects.filter(show_name=True)
            .exclude(user__first_name="", user__last_name="")
            .select_related("user")
            .only("group", "show_name", "user__first_name", "user__last_name")
        )
        context.update(
            groups=ReferenceGroup.objects.prefetch_related(
                Prefetch("members", queryset=named, to_attr="named_members")
            ),
            assessments=recent_public_assessments(request, RECENT_ASSESSMENTS),
        )
        return context
