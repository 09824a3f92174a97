"""The signed scan's field in the admin: what the scan is, not where it is stored."""

from django.forms import ClearableFileInput

from knowledge.scans import scan_size


class ScanInput(ClearableFileInput):
    """Shows the current scan as "Signed scan (PDF, 45.2 KB), uploaded 26 November 2018" with
    a link to the permission-checked admin view, instead of its random storage path."""

    template_name = "knowledge/widgets/scan_input.html"
    initial_text = "Current scan"
    input_text = "Replace with"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget = context["widget"]
        if widget["is_initial"]:
            widget["size"] = scan_size(value)
            widget["uploaded_at"] = getattr(value.instance, "scan_uploaded_at", None)
        return context
