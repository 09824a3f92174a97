"""Registers the register's admin menu, its private scan view, dashboard panel and home figures."""

from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from knowledge import views
from knowledge.dashboard import RegisterSummaryPanel
from knowledge.home_figures import register_figures
from knowledge.viewsets import PartnershipRegisterViewSetGroup
from portal.home_sections import HOME_SECTIONS_HOOK

register_snippet(PartnershipRegisterViewSetGroup)


@hooks.register("register_admin_urls")
def register_scan_url():
    return [
        path(
            "register/scans/<path:name>",
            views.agreement_scan,
            name="knowledge_agreement_scan",
        )
    ]


@hooks.register("construct_homepage_panels")
def add_register_summary(request, panels):
    if request.user.has_perm("knowledge.view_partnership"):
        panels.append(RegisterSummaryPanel())


hooks.register(HOME_SECTIONS_HOOK, register_figures)
