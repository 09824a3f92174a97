"""Dates as the portal shows them: ``<time datetime="2025-03-04">4 March 2025</time>``.

The same as ``<time datetime="{{ d|date:'Y-m-d' }}">{{ d|date:"j F Y" }}</time>``, in one tag.
Django's ``date`` filter parses its format string on every call (about 11 µs); a listing of 20
cards with two dates each spent 0.9 ms of its 8 ms in it (bench/README.md, ninth run)."""

import datetime

from django import template
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.formats import date_format
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def time_element(value, shown: str = "j F Y"):
    """A ``<time>`` element for a date or datetime (in the site's time zone), shown with the
    ``date`` filter's format ``shown``; nothing for no date."""
    if value in (None, ""):
        return ""
    day = timezone.template_localtime(value)  # as the date filter reads it
    if isinstance(day, datetime.datetime):
        day = day.date()
    if shown == "j F Y":
        text = f"{day.day} {MONTHS[day.month]} {day.year}"
    else:
        text = date_format(day, shown)
    return format_html('<time datetime="{}">{}</time>', day.isoformat(), text)
