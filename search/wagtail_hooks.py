"""Admin reports of the search app: searches that found nothing (beside Wagtail's "Search terms"
report) and the search index's deliveries."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.reports import SearchDeliveriesView, UnansweredQueriesView


@hooks.register("register_admin_urls")
def register_report_url():
    return [
        path(
            "reports/unanswered-searches/",
            UnansweredQueriesView.as_view(),
            name="search_unanswered_queries",
        ),
        path(
            "reports/search-deliveries/", SearchDeliveriesView.as_view(), name="search_deliveries"
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return MenuItem(
        "Unanswered searches",
        reverse("search_unanswered_queries"),
        icon_name="search",
        order=710,
    )


class SearchDeliveriesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.change_outboxentry")


@hooks.register("register_reports_menu_item")
def register_deliveries_menu_item():
    return SearchDeliveriesMenuItem(
        "Search deliveries", reverse("search_deliveries"), icon_name="search", order=720
    )
