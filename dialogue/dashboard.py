"""The commitments panel on the Wagtail dashboard: overdue commitments, like the register's
flags."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from wagtail.admin.ui.components import Component

from dialogue.models import Commitment


class OverdueCommitmentsPanel(Component):
    name = "overdue_commitments"
    order = 120
    template_name = "dialogue/admin/overdue_panel.html"

    def get_context_data(self, parent_context=None):
        index_url = reverse("wagtailsnippets_dialogue_commitment:list")
        return {
            "overdue": Commitment.objects.overdue(timezone.localdate()).count(),
            "overdue_url": f"{index_url}?{urlencode({'overdue': 'true'})}",
        }
