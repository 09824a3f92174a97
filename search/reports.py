"""Admin reports: searches that found nothing, and the search index's deliveries."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from search import engines
from search.delivery import retry_failed
from search.models import OutboxEntry
from search.statistics import unanswered
from search.sync import schedule_drain

DAYS = 30


class UnansweredQueriesView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/admin/unanswered_queries.html"
    page_title = "Unanswered searches"
    header_icon = "search"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(queries=unanswered(days=DAYS), days=DAYS)
        return context


class SearchDeliveriesView(WagtailAdminTemplateMixin, TemplateView):
    """What each engine still has to receive, and the deliveries given up (a document that could
    not be projected, or that an engine refused, after every retry), with a way to retry them
    once the fault is fixed."""

    template_name = "search/admin/search_deliveries.html"
    page_title = "Search deliveries"
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("search.change_outboxentry"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        waiting = dict(
            OutboxEntry.waiting().values_list("engine").annotate(n=Count("pk")).order_by()
        )
        context.update(
            waiting=[(name, waiting.get(name, 0)) for name in engines.configured()],
            given_up=OutboxEntry.given_up().order_by("-pk")[:200],
            failing=OutboxEntry.waiting().filter(attempts__gt=0).order_by("-attempts", "-pk")[:50],
        )
        return context

    def post(self, request, *args, **kwargs):
        count = retry_failed()
        schedule_drain()
        messages.success(request, f"{count} given-up deliveries queued again.")
        return redirect("search_deliveries")
