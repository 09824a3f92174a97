"""Wrong-password throttling for Wagtail's page and collection password forms.

Those forms compare a shared password without calling Django's ``authenticate``, so django-axes
(which throttles the admin's and the members' sign-in) never hears of them. Each wrong password
is reported to axes as a failed sign-in for the restriction, and a locked-out restriction or
address gets axes' lockout response: the same limit, storage and cool-off as every other sign-in.
"""

from functools import wraps

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.contrib.auth.signals import user_login_failed
from wagtail import views as page_views
from wagtail.documents.views import serve as document_views


def throttled(view, restriction_name):
    """``view``, a password form's view, with axes counting its wrong passwords."""

    @wraps(view)
    def throttled_view(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        credentials = {"username": restriction_name(**kwargs)}
        if not AxesProxyHandler.is_allowed(request, credentials):
            return get_lockout_response(request, credentials=credentials)
        response = view(request, *args, **kwargs)
        if response.status_code != 302:  # the form was shown again: a wrong password
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        return response

    return throttled_view


authenticate_page_password = throttled(
    page_views.authenticate_with_password,
    lambda page_view_restriction_id, page_id: f"page-restriction-{page_view_restriction_id}",
)
authenticate_document_password = throttled(
    document_views.authenticate_with_password,
    lambda restriction_id: f"collection-restriction-{restriction_id}",
)
