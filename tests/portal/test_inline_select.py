"""The public filters' select, written in Python, gives Django's own HTML (attributes in
another order: ``flatatt`` sorts them)."""

import re

import pytest
from bs4 import BeautifulSoup
from django import forms
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from portal.listing import InlineSelect, UrlFilterForm

CHOICES = [
    ("", "All years"),
    (2025, 2025),
    ("a&b", 'Tom & "Jerry" <b>'),
    ("Group <1>", [("x", "Ex"), ("y", "Why")]),
    ("lazy", gettext_lazy("Any province")),
    ("safe", mark_safe("<em>already</em> safe")),
    (None, "Nothing"),
    ("a&b", "A second option with a chosen value is not chosen again"),
]


def parsed(html: str) -> BeautifulSoup:
    return BeautifulSoup(re.sub(r">\s+<", "><", str(html)).strip(), "html.parser")


@pytest.mark.parametrize("value", [None, "", 2025, "a&b", "y", "safe", "nowhere"])
@pytest.mark.parametrize("attrs", [{}, {"id": "id_year", "aria-describedby": "hint"}])
def test_same_html_as_djangos_select(value, attrs):
    django_html = forms.Select(choices=CHOICES).render("year", value, attrs)
    inline_html = InlineSelect(choices=CHOICES).render("year", value, attrs)
    assert parsed(inline_html) == parsed(django_html)
    assert len(parsed(inline_html).find_all("option")) == 9
    assert len(parsed(inline_html).select("option[selected]")) == (value != "nowhere")
    assert "Tom &amp; &quot;Jerry&quot; &lt;b&gt;" in inline_html


def test_filter_forms_use_it_and_keep_the_reader_s_choice():
    class Filters(UrlFilterForm):
        year = forms.TypedChoiceField(required=False, coerce=int, choices=CHOICES[:2])

    form = Filters({"year": "2025"})
    assert isinstance(form.fields["year"].widget, InlineSelect)
    assert '<option value="2025" selected>2025</option>' in str(form["year"])
