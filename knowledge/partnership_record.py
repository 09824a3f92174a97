"""A partnership's whole record, read-only: the admin's Inspect view of a partnership.

Register viewers read the register but cannot open its edit form, so this is where they see a
partnership: its fields in words (not stored codes), its flags, and the parts the edit form
keeps on other tabs or other screens (parties, agreements, annual reviews, KPIs with their
latest measurement, value delivered, risks and costs). Editors use it to read a record whole
before a review. A scan is said to be on file, never linked: opening one needs its own
permission (``knowledge.view_agreement_scan``).
"""

from django.contrib.admin.utils import unquote
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.widgets import Button
from wagtail.snippets.views.snippets import InspectView

from knowledge.flags import annotate_flags, flags_of
from knowledge.models import KPI, KPIMeasurement, Partnership, PartnershipsSectionPage
from portal.site_structure import first_live_public

FIELDS = [
    "reference",
    "title",
    "summary",
    "purpose",
    "scope",
    "provinces",
    "locality",
    "level",
    "formality",
    "funding_model",
    "term",
    "stance",
    "thrusts",
    "responsible_unit",
    "start_date",
    "end_date",
    "status",
    "visibility",
    "made_public_at",
    "flags",
    "created_at",
    "updated_at",
]
NOT_RECORDED = "Not recorded"
PROFILE_LABEL = "View the public profile"


def public_profile_url(request, partnership) -> str:
    """Where the public sees this partnership ('' when it is internal or there is no
    Partnerships section): editors check what readers see without hunting for it."""
    section = first_live_public(request, PartnershipsSectionPage)
    return section.profile_url(partnership) if section is not None else ""


def latest(measurements):
    """The first of ``measurements``, read newest first; None for a KPI not yet measured."""
    return next(iter(measurements), None)


class ProfileButton:
    """Adds "View the public profile" to an admin view's header of a public partnership."""

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if url := public_profile_url(self.request, self.object):
            buttons.append(Button(PROFILE_LABEL, url=url, icon_name="view", priority=25))
        return buttons


class PartnershipInspectView(ProfileButton, InspectView):
    template_name = "knowledge/admin/partnership_inspect.html"

    def get_object(self, queryset=None):
        record = annotate_flags(Partnership.objects.with_parties(), timezone.localdate())
        record = record.prefetch_related(
            "agreements",
            "reviews",
            Prefetch(
                "kpis",
                KPI.objects.prefetch_related(
                    Prefetch("measurements", KPIMeasurement.objects.order_by("-measured_on"))
                ),
            ),
            "value_delivered",
            "risks",
            "costs",
        )
        return get_object_or_404(record, pk=unquote(str(self.pk)))

    def get_field_label(self, field_name, field):
        if field_name == "flags":  # computed (knowledge.flags), not a field
            return "Needs attention"
        return super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return NOT_RECORDED if value in (None, "", []) else value

    def get_end_date_display_value(self):
        return self.object.end_date or "No end date"

    def get_made_public_at_display_value(self):
        return self.object.made_public_at or "Never: internal"

    def get_flags_display_value(self):
        return "; ".join(flag.label for flag in flags_of(self.object)) or "None"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        finder = AdminURLFinder(self.request.user)
        partnership = self.object
        context.update(
            parties=partnership.parties.all(),
            agreements=[(a, finder.get_edit_url(a)) for a in partnership.agreements.all()],
            reviews=[(r, finder.get_edit_url(r)) for r in partnership.reviews.all()],
            kpis=[(kpi, latest(kpi.measurements.all())) for kpi in partnership.kpis.all()],
            value_delivered=partnership.value_delivered.all(),
            risks=partnership.risks.all(),
            costs=partnership.costs.all(),
        )
        return context
