"""Inspect views that read in words: what the admin shows of a record to someone who may read
it but not change it (Wagtail's Inspect view, whose defaults show stored codes, "None",
"True" and moments in UTC).

- "Not recorded" for nothing, yes or no for a tick box, a moment in the site's time zone;
- a list from one vocabulary by its labels (``ChoiceListField`` gives ``get_<name>_display``);
- text of several lines a line each;
- another record by its name, linked to where the reader may read it: its edit form if they
  may change it, otherwise its Inspect view if it has one and they may see it.
"""

import datetime

from django.contrib.admin.utils import quote
from django.db import models
from django.template.defaultfilters import linebreaksbr
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic import InspectView

NOT_RECORDED = "Not recorded"


def record_url(user, instance) -> str | None:
    """Where ``user`` reads ``instance`` in the admin: its edit form if they may change it,
    otherwise its Inspect view if it has one and they may see it (None: nowhere)."""
    if edit_url := AdminURLFinder(user).get_edit_url(instance):
        return edit_url
    viewset = getattr(instance, "snippet_viewset", None)
    if viewset is None or not viewset.inspect_view_enabled:
        return None
    if not viewset.permission_policy.user_has_any_permission(user, ["view", "change"]):
        return None
    return reverse(viewset.get_url_name("inspect"), args=[quote(instance.pk)])


def linked(user, instance) -> str:
    """``instance``'s name, linked to where ``user`` reads it in the admin if anywhere."""
    if url := record_url(user, instance):
        return format_html('<a href="{}">{}</a>', url, instance)
    return format_html("{}", instance)


class RecordInspectView(InspectView):
    """Wagtail's Inspect view, reading in words (see the module's docstring)."""

    labels: dict[str, str] = {}  # names that are not fields of the model, and their labels

    def get_field_label(self, field_name, field):
        if field_name in self.labels:
            return self.labels[field_name]
        return super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, models.Model):  # another record, or a page
            return linked(self.request.user, value)
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if isinstance(value, datetime.datetime):  # in the site's time zone, not as stored
            return date_format(timezone.localtime(value), "j F Y, H:i")
        if value in (None, "", []):
            return NOT_RECORDED
        if isinstance(value, str) and "\n" in value:
            return linebreaksbr(value)
        return value
