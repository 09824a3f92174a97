"""``{% time_element %}`` writes what the ``date`` filter would, in one tag."""

import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

FILTERS = Template(
    """{% if d %}<time datetime="{{ d|date:'Y-m-d' }}">{{ d|date:shown }}</time>{% endif %}"""
)
TAG = Template("{% load date_tags %}{% time_element d shown %}")

JOHANNESBURG = zoneinfo.ZoneInfo("Africa/Johannesburg")
VALUES = [
    datetime.date(2025, 3, 4),
    datetime.date(2024, 12, 31),
    # 23:30 UTC is the next day in Johannesburg: the date shown is the local one.
    datetime.datetime(2025, 5, 31, 23, 30, tzinfo=datetime.UTC),
    datetime.datetime(2025, 1, 1, 9, 0, tzinfo=JOHANNESBURG),
    None,
]


@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("shown", ["j F Y", "F Y", "j M Y"])
def test_the_same_html_as_the_date_filter(value, shown):
    with timezone.override(JOHANNESBURG):
        context = {"d": value, "shown": shown}
        assert TAG.render(Context(context)) == FILTERS.render(Context(context))


def test_month_names_follow_the_active_language():
    with translation.override("af"):
        html = TAG.render(Context({"d": datetime.date(2025, 3, 4), "shown": "j F Y"}))
    assert html == '<time datetime="2025-03-04">4 Maart 2025</time>'


def test_the_local_date_of_a_late_utc_datetime():
    with timezone.override(JOHANNESBURG):
        html = TAG.render(Context({"d": VALUES[2], "shown": "j F Y"}))
    assert html == '<time datetime="2025-06-01">1 June 2025</time>'
