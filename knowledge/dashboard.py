"""The register panel on the Wagtail dashboard: portfolio summary and what needs attention."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from knowledge.models import Partnership
from knowledge.portfolio import portfolio_summary
from knowledge.register_charts import filtered_link, register_charts


class RegisterSummaryPanel(Component):
    name = "partnership_register"
    order = 110
    template_name = "knowledge/admin/register_summary_panel.html"

    class Media:
        css = {"all": ["knowledge/css/register_charts.css"]}

    def get_context_data(self, parent_context=None):
        summary = portfolio_summary(timezone.localdate())
        index_url = reverse("wagtailsnippets_knowledge_partnership:list")
        return {
            "summary": summary,
            "flags": [
                (flag, count, f"{index_url}?{urlencode({'flag': flag.value})}")
                for flag, count in summary.by_flag
            ],
            "index_url": index_url,
            "charts": register_charts(Partnership.objects.all(), filtered_link(index_url)),
        }
