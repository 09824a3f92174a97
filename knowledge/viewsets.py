"""The "Partnership register" admin menu: one viewset per register record type."""

import re
from collections import OrderedDict

from wagtail.admin.panels import ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import MenuItem
from wagtail.coreutils import multigetattr
from wagtail.snippets.views.snippets import IndexView, SnippetViewSetGroup

from knowledge import admin_filters, admin_panels
from knowledge.admin_forms import KPIMeasurementForm
from knowledge.choosers import RegisterChooserViewSet
from knowledge.flags import flags_of
from knowledge.models import (
    Agreement,
    AnnualReview,
    KPIMeasurement,
    Organisation,
    Partnership,
    ResearchProject,
)
from knowledge.models.choices import Visibility
from knowledge.record_views import (
    AGREEMENT_FIELDS,
    MEASUREMENT_FIELDS,
    ORGANISATION_FIELDS,
    PARTNERSHIP_FIELDS,
    PROFILE_LABEL,
    REVIEW_FIELDS,
    AgreementInspectView,
    AnnualReviewInspectView,
    KPIMeasurementInspectView,
    OrganisationInspectView,
    PartnershipInspectView,
    ProfileButton,
    flagged_partnerships,
    public_profile_url,
)
from knowledge.register_columns import (
    ORGANISATION_COLUMNS,
    PARTNERSHIP_COLUMNS,
    PARTNERSHIP_COMPUTED_COLUMNS,
    export_fields,
    headings_for,
)
from portal.autosave import (
    CreateWithoutAutosave,
    EditWithAutosaveForDraftsOnly,
    PortalSnippetViewSet,
)
from portal.storage_errors import StorageErrorsAreFormErrors


class FlagsColumn(Column):
    cell_template_name = "knowledge/admin/flags_cell.html"

    def get_value(self, instance):
        return flags_of(instance)


REFERENCE_QUERY = re.compile(r"^\s*[A-Za-z]{2,}-\d{4}(-\d*)?\s*$")


class PartnershipIndexView(IndexView):
    """Finds partnerships by (part of) their reference, and adds the computed flags to the
    CSV/XLSX export (the import ignores that column)."""

    def search_queryset(self, queryset):
        # Full-text search splits "CSPS-2026-0042" into words; editors expect the record.
        if self.is_searching and REFERENCE_QUERY.match(self.search_query):
            return queryset.filter(reference__icontains=self.search_query.strip())
        return super().search_queryset(queryset)

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if url := public_profile_url(self.request, instance):
            buttons.append(MenuItem(PROFILE_LABEL, url=url, icon_name="view", priority=25))
        return buttons

    def to_row_dict(self, item):
        return OrderedDict(
            (
                field,
                "; ".join(flag.label for flag in flags_of(item))
                if field == "flags"
                else multigetattr(item, field),
            )
            for field in self.list_export
        )


class PartnershipEditView(ProfileButton, EditWithAutosaveForDraftsOnly):
    pass


class PartnershipViewSet(PortalSnippetViewSet):
    chooser_viewset_class = RegisterChooserViewSet
    model = Partnership
    icon = "group"
    menu_label = "Partnerships"
    index_view_class = PartnershipIndexView
    edit_view_class = PartnershipEditView
    list_display = [
        "reference",
        "title",
        Column("status", label="Status", accessor="get_status_display"),
        Column("level", label="Level", accessor="get_level_display"),
        # Whether the public may see it: what an editor must know before sharing or citing.
        Column(
            "visibility",
            label="Visibility",
            accessor=lambda partnership: Visibility(partnership.visibility).short_label,
        ),
        FlagsColumn("flags", label="Flags"),
    ]
    filterset_class = admin_filters.PartnershipFilterSet
    list_export = export_fields(PARTNERSHIP_COLUMNS + PARTNERSHIP_COMPUTED_COLUMNS)
    export_headings = headings_for(PARTNERSHIP_COLUMNS + PARTNERSHIP_COMPUTED_COLUMNS)
    ordering = ["reference"]
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = PartnershipInspectView
    inspect_view_fields = PARTNERSHIP_FIELDS
    edit_handler = admin_panels.partnership_edit_handler

    def get_queryset(self, request):
        return flagged_partnerships()


class OrganisationViewSet(PortalSnippetViewSet):
    model = Organisation
    icon = "site"
    menu_label = "Organisations"
    list_display = ["name", Column("sector", label="Sector", accessor="get_sector_display")]
    filterset_class = admin_filters.OrganisationFilterSet
    list_export = export_fields(ORGANISATION_COLUMNS)
    export_headings = headings_for(ORGANISATION_COLUMNS)
    edit_handler = admin_panels.organisation_edit_handler
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = OrganisationInspectView
    inspect_view_fields = ORGANISATION_FIELDS


class AgreementCreateView(StorageErrorsAreFormErrors, CreateWithoutAutosave):
    file_field = "signed_scan"


class AgreementEditView(StorageErrorsAreFormErrors, EditWithAutosaveForDraftsOnly):
    file_field = "signed_scan"


class AgreementViewSet(PortalSnippetViewSet):
    add_view_class = AgreementCreateView
    edit_view_class = AgreementEditView
    chooser_viewset_class = RegisterChooserViewSet
    model = Agreement
    icon = "doc-full"
    menu_label = "Agreements"
    list_display = [
        "__str__",
        Column("status", label="Status", accessor="get_status_display"),
        "signed_on",
        "expires_on",
    ]
    filterset_class = admin_filters.AgreementFilterSet
    list_export = [
        "partnership.reference",
        "kind",
        "version",
        "status",
        "signed_on",
        "effective_from",
        "expires_on",
        "scan_sha256",
    ]
    panels = admin_panels.agreement_panels
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = AgreementInspectView
    inspect_view_fields = AGREEMENT_FIELDS

    def get_queryset(self, request):
        return Agreement.objects.select_related("partnership")


class AnnualReviewViewSet(PortalSnippetViewSet):
    chooser_viewset_class = RegisterChooserViewSet
    model = AnnualReview
    icon = "calendar-check"
    menu_label = "Annual reviews"
    list_display = [
        "__str__",
        Column("status", label="Status", accessor="get_status_display"),
        "due_on",
        Column("recommendation", label="Recommendation", accessor="get_recommendation_display"),
    ]
    filterset_class = admin_filters.AnnualReviewFilterSet
    list_export = [
        "partnership.reference",
        "year",
        "status",
        "due_on",
        "completed_on",
        "recommendation",
    ]
    panels = admin_panels.annual_review_panels
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = AnnualReviewInspectView
    inspect_view_fields = REVIEW_FIELDS

    def get_queryset(self, request):
        return AnnualReview.objects.select_related("partnership")


class KPIMeasurementViewSet(PortalSnippetViewSet):
    chooser_viewset_class = RegisterChooserViewSet
    model = KPIMeasurement
    icon = "table"
    menu_label = "KPI measurements"
    list_display = ["__str__", "measured_on", "value"]
    edit_handler = ObjectList(
        admin_panels.kpi_measurement_panels, base_form_class=KPIMeasurementForm
    )
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_class = KPIMeasurementInspectView
    inspect_view_fields = MEASUREMENT_FIELDS

    def get_queryset(self, request):
        return KPIMeasurement.objects.select_related("kpi")


class ResearchProjectViewSet(PortalSnippetViewSet):
    model = ResearchProject
    icon = "doc-empty-inverse"
    menu_label = "Research projects"
    list_display = ["title", "priority", Column("status", accessor="get_status_display")]
    list_filter = ["status"]
    add_to_admin_menu = True
    menu_order = 160
    copy_view_enabled = False

    def get_queryset(self, request):
        return ResearchProject.objects.select_related("priority")


class PartnershipRegisterViewSetGroup(SnippetViewSetGroup):
    menu_label = "Partnership register"
    submenu_hook = "register_partnership_register_menu_item"
    menu_icon = "folder-open-inverse"
    menu_order = 150
    items = (
        PartnershipViewSet,
        OrganisationViewSet,
        AgreementViewSet,
        AnnualReviewViewSet,
        KPIMeasurementViewSet,
    )
