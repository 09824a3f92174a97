"""Registers the register's admin menu, its private scan view, dashboard panel and home figures."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from knowledge import views
from knowledge.choosers import public_partnership_chooser_viewset
from knowledge.dashboard import RegisterSummaryPanel
from knowledge.home_sections import latest_research, register_figures
from knowledge.import_view import RegisterImportView, can_import
from knowledge.viewsets import PartnershipRegisterViewSetGroup, ResearchProjectViewSet
from portal.home_sections import HOME_SECTIONS_HOOK

register_snippet(PartnershipRegisterViewSetGroup)
register_snippet(ResearchProjectViewSet)


@hooks.register("register_admin_viewset")
def register_public_partnership_chooser():
    return public_partnership_chooser_viewset


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("register/scans/<path:name>", views.agreement_scan, name="knowledge_agreement_scan"),
        path("register/import/", RegisterImportView.as_view(), name="knowledge_register_import"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_import(request.user)


@hooks.register(PartnershipRegisterViewSetGroup.submenu_hook)
def register_import_menu_item():
    return ImportMenuItem(
        "Import records", reverse("knowledge_register_import"), icon_name="upload", order=900
    )


@hooks.register("construct_homepage_panels")
def add_register_summary(request, panels):
    if request.user.has_perm("knowledge.view_partnership"):
        panels.append(RegisterSummaryPanel())


hooks.register(HOME_SECTIONS_HOOK, register_figures)
hooks.register(HOME_SECTIONS_HOOK, latest_research)
