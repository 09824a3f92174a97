"""The register's records read whole, read-only: the admin's Inspect views.

Register viewers read the register but cannot open its edit forms, so these are where they
read it: fields in words (labels, not stored codes; "Not recorded", not "None"), no storage
internals (ids, revisions, locks), and for a partnership its flags and the parts its edit form
keeps on other tabs or other screens (parties, agreements, annual reviews, KPIs with their
latest measurement, value delivered, risks and costs). Editors read a record whole before a
review and go on to edit each part.

What stays as private as before: a signed scan is said to be on file, never linked (opening
one needs ``knowledge.view_agreement_scan``, through the agreement's form); an organisation's
contact person is shown only to those who may change the organisation, who see it in its form.
"""

from django.contrib.admin.utils import unquote
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.html import format_html_join
from wagtail.admin.widgets import Button

from knowledge.flags import annotate_flags, flags_of
from knowledge.models import (
    COMPLIANCE_CHECKS,
    KPI,
    KPIMeasurement,
    Partnership,
    PartnershipsSectionPage,
)
from knowledge.register_columns import PARTNERSHIP_COLUMNS, PARTNERSHIP_COMPUTED_COLUMNS
from knowledge.scans import scan_size
from portal.inspect_views import NOT_RECORDED, RecordInspectView, linked, record_url
from portal.site_structure import first_live_public

# The register's columns (its spreadsheets'), parties apart (a table of their own).
PARTNERSHIP_FIELDS = [
    *(column for column in PARTNERSHIP_COLUMNS if column != "parties"),
    *PARTNERSHIP_COMPUTED_COLUMNS,
    "created_at",
    "updated_at",
]
ORGANISATION_FIELDS = [
    "name",
    "sector",
    "provinces",
    "npo_number",
    "psira_number",
    "website",
    "contact",
    "partnerships",
]
AGREEMENT_FIELDS = [
    "partnership",
    "kind",
    "version",
    "status",
    "signatories",
    "signed_on",
    "effective_from",
    "expires_on",
    *(name for name, _ in COMPLIANCE_CHECKS),
    "signed_scan",
    "scan_sha256",
    "notes",
]
REVIEW_FIELDS = [
    "partnership",
    "year",
    "reviewer",
    "status",
    "due_on",
    "completed_on",
    "kpi_results",
    "value_assessment",
    "cost_reassessment",
    "risk_reassessment",
    "findings",
    "findings_notes",
    "recommendation",
    "public_summary",
]
MEASUREMENT_FIELDS = ["kpi", "measured_on", "value", "note"]
PROFILE_LABEL = "View the public profile"


def flagged_partnerships():
    """Partnerships with their parties and today's flags, as the register's list reads them."""
    return annotate_flags(Partnership.objects.with_parties(), timezone.localdate())


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


class PartnershipInspectView(ProfileButton, RecordInspectView):
    labels = {"flags": "Needs attention"}  # computed (knowledge.flags)
    template_name = "knowledge/admin/partnership_inspect.html"

    def get_object(self, queryset=None):
        record = flagged_partnerships().prefetch_related(
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

    def get_end_date_display_value(self):
        return self.object.end_date or "No end date"

    def get_made_public_at_display_value(self):
        return self.object.made_public_at or "Never: internal"

    def get_flags_display_value(self):
        return "; ".join(flag.label for flag in flags_of(self.object)) or "None"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user, partnership = self.request.user, self.object
        context.update(
            parties=partnership.parties.all(),
            agreements=[(a, record_url(user, a)) for a in partnership.agreements.all()],
            reviews=[(r, record_url(user, r)) for r in partnership.reviews.all()],
            kpis=[(kpi, latest(kpi.measurements.all())) for kpi in partnership.kpis.all()],
            value_delivered=partnership.value_delivered.all(),
            risks=partnership.risks.all(),
            costs=partnership.costs.all(),
        )
        return context


class OrganisationInspectView(RecordInspectView):
    labels = {"contact": "Contact person", "partnerships": "Party to"}

    def get_contact_display_value(self):
        organisation = self.object
        if not self.request.user.has_perm("knowledge.change_organisation"):
            return "Shown to register editors only"
        contact = organisation.contact_or_blank()
        details = [contact.name, contact.role, contact.email, contact.phone]
        return ", ".join(detail for detail in details if detail) or NOT_RECORDED

    def get_partnerships_display_value(self):
        roles = self.object.partnership_roles.select_related("partnership").order_by(
            "partnership__reference"
        )
        user = self.request.user
        return (
            format_html_join(
                "; ",
                "{} ({})",
                ((linked(user, role.partnership), role.get_role_display()) for role in roles),
            )
            or "None"
        )


class AgreementInspectView(RecordInspectView):
    def get_signed_scan_display_value(self):
        agreement = self.object
        if not agreement.signed_scan:
            return "Missing"
        shown = f"On file (PDF, {scan_size(agreement.signed_scan)})"
        if uploaded := agreement.scan_uploaded_at:
            shown += f", uploaded {date_format(timezone.localtime(uploaded), 'j F Y, H:i')}"
        return shown


class AnnualReviewInspectView(RecordInspectView):
    pass


class KPIMeasurementInspectView(RecordInspectView):
    labels = {"kpi": "KPI"}
