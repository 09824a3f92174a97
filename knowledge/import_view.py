"""The admin page for importing register spreadsheets: check first, then import."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from knowledge.imports import import_register_file

MAX_IMPORT_BYTES = 10 * 1024 * 1024
REQUIRED_PERMISSIONS = {
    "organisations": ["knowledge.add_organisation", "knowledge.change_organisation"],
    "partnerships": ["knowledge.add_partnership", "knowledge.change_partnership"],
}


def can_import(user) -> bool:
    return any(user.has_perms(perms) for perms in REQUIRED_PERMISSIONS.values())


class RegisterImportForm(forms.Form):
    kind = forms.ChoiceField(
        label="What the file holds",
        choices=[("organisations", "Organisations"), ("partnerships", "Partnerships")],
        widget=forms.RadioSelect,
        initial="partnerships",
    )
    file = forms.FileField(
        label="CSV or XLSX file",
        help_text="Use the columns of the register's own export. Import organisations before "
        "the partnerships that name them.",
    )
    commit = forms.BooleanField(
        label="Import the file if every row is correct",
        required=False,
        help_text="Leave this unticked to check the file first; nothing is written then.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError("The file is larger than 10 MB; split it.")
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError("Upload a .csv or .xlsx file.")
        return upload


class RegisterImportView(WagtailAdminTemplateMixin, FormView):
    form_class = RegisterImportForm
    template_name = "knowledge/admin/register_import.html"
    page_title = "Import register records"
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def form_valid(self, form):
        kind = form.cleaned_data["kind"]
        if not self.request.user.has_perms(REQUIRED_PERMISSIONS[kind]):
            raise PermissionDenied
        upload = form.cleaned_data["file"]
        report = import_register_file(
            kind,
            upload.name,
            upload.read(),
            commit=form.cleaned_data["commit"],
            user=self.request.user,
        )
        return self.render_to_response(
            self.get_context_data(form=form, report=report, action_url=self.request.path)
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("action_url", reverse("knowledge_register_import"))
        return context
