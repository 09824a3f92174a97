"""The admin report of searches that found nothing, beside Wagtail's "Search terms" report."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.reports import UnansweredQueriesView


@hooks.register("register_admin_urls")
def register_report_url():
    return [
        path(
            "reports/unanswered-searches/",
            UnansweredQueriesView.as_view(),
            name="search_unanswered_queries",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return MenuItem(
        "Searches that found nothing",
        reverse("search_unanswered_queries"),
        icon_name="search",
        order=710,
    )
