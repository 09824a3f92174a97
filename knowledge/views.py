"""Admin views of the register that Wagtail's viewsets do not provide."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from knowledge.models import Agreement

SCAN_PERMISSION = "knowledge.view_agreement_scan"


def agreement_scan(request, name: str):
    """Stream a signed scan to a user allowed to open scans; everyone else gets a 403.

    The permission is checked before the file is looked up, so the answer does not reveal
    whether a guessed name exists.
    """
    if not request.user.has_perm(SCAN_PERMISSION):
        raise PermissionDenied
    agreement = get_object_or_404(Agreement.objects.select_related("partnership"), signed_scan=name)
    storage = agreement.signed_scan.storage
    if not storage.exists(agreement.signed_scan.name):
        raise Http404("The scan file is missing from storage.")
    response = FileResponse(
        agreement.signed_scan.open("rb"),
        as_attachment=True,
        filename=f"{agreement.partnership.reference}-{agreement.kind}-v{agreement.version}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response
