"""The admin report of searches that found nothing."""

from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from search.statistics import unanswered

DAYS = 30


class UnansweredQueriesView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "search/admin/unanswered_queries.html"
    page_title = "Searches that found nothing"
    header_icon = "search"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(queries=unanswered(days=DAYS), days=DAYS)
        return context
