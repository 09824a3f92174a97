"""Admin forms that need more than Wagtail's defaults."""

from wagtail.admin.forms import WagtailAdminModelForm


class KPIMeasurementForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each KPI's label names its partnership; fetch them together rather than one by one.
        kpi_field = self.fields["kpi"]
        kpi_field.queryset = kpi_field.queryset.select_related("partnership").order_by(
            "partnership__reference", "sort_order"
        )
