"""The Content-Security-Policy: the portal's own origin only, with the admin's one allowance.

Public pages load scripts, styles, images and frames from the portal's origin and nowhere else
(settings ``CONTENT_SECURITY_POLICY``). Wagtail's admin writes small inline scripts (inline
panels, date pickers, search promotions) and inline style attributes into its own templates, so
under ``/admin/`` scripts and styles may also be inline, and images may be ``data:``/``blob:``
(the upload previews). The admin still loads nothing from another origin.
"""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.urls import reverse

ADMIN_ALLOWANCES = {
    "script-src": [UNSAFE_INLINE],
    "style-src": [UNSAFE_INLINE],
    "img-src": ["data:", "blob:"],
}


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(reverse("wagtailadmin_home")) and parts.update is None:
            parts.update = ADMIN_ALLOWANCES
        return parts
