"""Registers the reference groups' admin menu and review screens, their audit-log actions, and
published assessments on partnership profiles."""

from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from wagtail import hooks

from knowledge.models import PartnershipsSectionPage
from knowledge.profile_sections import (
    ORGANISATION_SECTIONS_HOOK,
    PROFILE_SECTIONS_HOOK,
    ProfileLink,
    ProfileSection,
)
from portal.account_links import ACCOUNT_MENU_HOOK, AccountLink, AccountMenu
from portal.home_sections import HOME_SECTIONS_HOOK
from portal.site_structure import first_live_public
from reference_group.admin_views import ReviewView, review_attachment
from reference_group.auth import signed_in_member
from reference_group.models import Assessment
from reference_group.public_sections import (
    LISTED,
    assess_it,
    criterion_summaries,
    latest_assessments,
    published_assessments,
)
from reference_group.viewsets import ReferenceGroupViewSetGroup

hooks.register(HOME_SECTIONS_HOOK, latest_assessments)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return ReferenceGroupViewSetGroup()


@hooks.register(ACCOUNT_MENU_HOOK)
def members_account_menu(request):
    """A member's way back to their assessments, and out, from any page of the site."""
    member = signed_in_member(request)
    if member is None:
        return None
    return AccountMenu(
        name=member.display_name,
        links=[
            AccountLink("My assessments", reverse("reference_group:dashboard")),
            AccountLink("Sign out", reverse("reference_group:sign_out"), post=True),
        ],
    )


@hooks.register("register_admin_urls")
def register_review_urls():
    return [
        path(
            "reference-groups/review/<int:pk>/", ReviewView.as_view(), name="reference_group_review"
        ),
        path(
            "reference-groups/review/<int:pk>/attachments/<int:attachment_id>/",
            review_attachment,
            name="reference_group_review_attachment",
        ),
    ]


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("reference_group.submit", "Submit assessment", "Assessment submitted")
    actions.register_action("reference_group.start_review", "Start review", "Review started")
    actions.register_action("reference_group.accept", "Accept assessment", "Assessment accepted")
    actions.register_action(
        "reference_group.return", "Return assessment", "Assessment returned to its author"
    )
    actions.register_action("reference_group.publish", "Publish assessment", "Assessment published")
    actions.register_action(
        "reference_group.unpublish", "Unpublish assessment", "Assessment unpublished"
    )


@hooks.register(PROFILE_SECTIONS_HOOK)
def assessments_on_profile(request, partnership) -> ProfileSection:
    assessments = published_assessments(partnership)
    summaries, overall = criterion_summaries(assessments)
    return ProfileSection(
        heading="Independent assessments by reference groups",
        order=40,
        items=list(assessments),
        template="reference_group/includes/profile_assessments.html",
        anchor="assessments",
        extra={"summaries": summaries, "overall": overall},
        actions=assess_it(request, partnership),
    )


@hooks.register(ORGANISATION_SECTIONS_HOOK)
def assessments_of_organisation(request, organisation, partnerships) -> ProfileSection | None:
    """Published assessments of its partnerships, each linking to the profile that shows it."""
    section = first_live_public(request, PartnershipsSectionPage)
    if section is None:
        return None
    assessments = (
        Assessment.objects.published()
        .filter(partnership__in=partnerships.values("pk"))
        .select_related("group", "partnership")
        .only(*LISTED)
        .order_by("-published_at")
    )
    return ProfileSection(
        heading="Independent assessments of its partnerships",
        order=40,
        items=[
            ProfileLink(
                f"{a.group.name} on {a.partnership.title}",
                section.profile_url(a.partnership) + "#assessments",
                # The day in the site's time zone, as the profile shows it; none if unknown.
                date_format(localtime(a.published_at), "j F Y") if a.published_at else "",
            )
            for a in assessments
        ],
    )
