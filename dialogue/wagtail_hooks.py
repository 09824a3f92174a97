"""Registers the national dialogue's admin menu, its registrations, dashboard panel, home-page
section and partnership-profile section."""

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from dialogue.dashboard import OverdueCommitmentsPanel
from dialogue.public_sections import (
    commitment_figures,
    commitments_of_organisation,
    commitments_on_profile,
    events_of_organisation,
    events_on_profile,
    upcoming_events,
)
from dialogue.viewsets import DialogueViewSetGroup, RegistrationViewSet
from knowledge.profile_sections import ORGANISATION_SECTIONS_HOOK, PROFILE_SECTIONS_HOOK
from portal.home_sections import HOME_SECTIONS_HOOK

register_snippet(DialogueViewSetGroup)
registrations = RegistrationViewSet("dialogue_registrations")


@hooks.register("register_admin_viewset")
def register_registrations():
    return registrations


class RegistrationsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("dialogue.view_registration")


@hooks.register(DialogueViewSetGroup.submenu_hook)
def register_registrations_menu_item():
    return RegistrationsMenuItem(
        "Registrations", registrations.menu_url, icon_name="group", order=300
    )


@hooks.register("construct_homepage_panels")
def add_overdue_commitments(request, panels):
    if request.user.has_perm("dialogue.change_commitment"):
        panels.append(OverdueCommitmentsPanel())


hooks.register(HOME_SECTIONS_HOOK, upcoming_events)
hooks.register(HOME_SECTIONS_HOOK, commitment_figures)
hooks.register(PROFILE_SECTIONS_HOOK, commitments_on_profile)
hooks.register(PROFILE_SECTIONS_HOOK, events_on_profile)
hooks.register(ORGANISATION_SECTIONS_HOOK, events_of_organisation)
hooks.register(ORGANISATION_SECTIONS_HOOK, commitments_of_organisation)
