"""Admin forms that need more than Wagtail's defaults."""

from wagtail.admin.forms import WagtailAdminModelForm

from knowledge.models import OrganisationContact


class KPIMeasurementForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Each KPI's label names its partnership; fetch them together rather than one by one.
        kpi_field = self.fields["kpi"]
        kpi_field.queryset = kpi_field.queryset.select_related("partnership").order_by(
            "partnership__reference", "sort_order"
        )


def _contact_field(detail: str, label: str):
    return OrganisationContact._meta.get_field(detail).formfield(label=label)


class OrganisationForm(WagtailAdminModelForm):
    """The organisation with its contact person, whose details are kept in a table of their
    own (``OrganisationContact``) but edited here, in the same form. Clearing every detail
    removes the contact person."""

    contact_name = _contact_field("name", "Contact name")
    contact_role = _contact_field("role", "Contact role")
    contact_email = _contact_field("email", "Contact email")
    contact_phone = _contact_field("phone", "Contact phone")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        contact = self.instance.contact_or_blank()
        for detail in OrganisationContact.DETAILS:
            self.initial.setdefault(f"contact_{detail}", getattr(contact, detail))

    def _save_m2m(self):
        # Runs once the organisation is saved, with commit=True or through save_m2m().
        super()._save_m2m()
        contact = self.instance.contact_or_blank()
        for detail in OrganisationContact.DETAILS:
            setattr(contact, detail, self.cleaned_data[f"contact_{detail}"])
        self.instance.save_contact()
