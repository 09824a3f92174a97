"""An admin form that arrives without a part Wagtail needs is answered with a message, not a 500.

Wagtail's StreamField reads ``<name>-count`` from the POST with ``data[key]``; a submission cut
short (by a proxy, a browser extension or a hand-made request) raises ``MultiValueDictKeyError``
before anything is validated or saved. The editor is sent back to the form they were on, with a
message saying that nothing was saved and why.
"""

import logging

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.datastructures import MultiValueDictKeyError

logger = logging.getLogger(__name__)

MESSAGE = (
    "Nothing was saved: the form arrived incomplete (“{field}” was missing). "
    "Make the change again; if it happens again, reload the page first."
)


class IncompleteAdminFormMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not (
            isinstance(exception, MultiValueDictKeyError)
            and request.method == "POST"
            and request.path_info.startswith(reverse("wagtailadmin_home"))
        ):
            return None
        field = exception.args[0] if exception.args else "a field"
        logger.warning("Incomplete admin form at %s: %r missing", request.path, field)
        messages.error(request, MESSAGE.format(field=field))
        return redirect(request.get_full_path(), permanent=False)
