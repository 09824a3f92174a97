"""Shared parts of the public listings (partnerships, publications, practices): filters read
from the URL, where a bad value is dropped rather than shown as an error, and pagination that
keeps the filters in its links."""

from django import forms
from django.core.paginator import Paginator
from django.forms.utils import flatatt
from django.utils.formats import localize
from django.utils.html import format_html, format_html_join

from portal.site_structure import remembered


def with_all(choices, label: str) -> list[tuple[str, str]]:
    """Choices with a first, empty option meaning "no filter"."""
    return [("", label), *choices]


class InlineSelect(forms.Select):
    """Django's select, written in Python: the same HTML as its template (but for the
    whitespace between tags and the order of attributes), without rendering a template for
    every option. A filter of 144 options took about 30% of the research library's time
    through templates (bench/README.md, sixth run)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        groups = []
        for group_name, options, _index in widget["optgroups"]:
            rows = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                ((str(o["value"]), flatatt(o["attrs"]), localize(o["label"])) for o in options),
            )
            groups.append(
                format_html('<optgroup label="{}">{}</optgroup>', group_name, rows)
                if group_name
                else rows
            )
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            format_html_join("", "{}", ((group,) for group in groups)),
        )


class UrlFilterForm(forms.Form):
    """A GET form of filters. ``sort`` is a choice of order, not a filter.

    ``lookups`` maps each filter to the ORM lookup it applies. Filters listed in ``joined``
    cross a to-many relation, so they go through a subquery and never duplicate rows.
    ``order(queryset, sort)`` puts the result in the chosen order.
    """

    lookups: dict[str, str] = {}
    joined: frozenset[str] = frozenset()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if type(field.widget) is forms.Select:
                inline = InlineSelect(attrs=field.widget.attrs, choices=field.widget.choices)
                inline.is_required = field.widget.is_required
                field.widget = inline

    def condition(self, name: str, value) -> dict:
        """The ORM condition a filter's value stands for."""
        return {self.lookups[name]: value}

    def apply(self, queryset):
        for name, value in self.valid_filters().items():
            condition = self.condition(name, value)
            if name in self.joined:
                matching = queryset.model._default_manager.filter(**condition).values("pk")
                queryset = queryset.filter(pk__in=matching)
            else:
                queryset = queryset.filter(**condition)
        return self.order(queryset, self.cleaned_data.get("sort") or "")

    def order(self, queryset, sort: str):
        return queryset

    def valid_filters(self) -> dict:
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in (None, "") and name != "sort"
        }


def filtered_listing(
    request, form: UrlFilterForm, queryset, per_page: int, name: str, total_key: str = ""
) -> dict:
    """Template context: the form, one page of ``form.apply(queryset)`` under ``name``, and the
    query string (without the page number) for the pagination links.

    With ``total_key``, the unfiltered total is counted once per generation of the site's
    structure (portal/site_structure.py): counting thousands of publications or partnerships
    is the one part of a listing's first page whose cost grows with the data."""
    filters_applied = bool(form.valid_filters())
    paginator = Paginator(form.apply(queryset), per_page)
    if total_key and not filters_applied:
        paginator.count = remembered(request, f"listing-total:{total_key}", queryset.count)
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter_form": form,
        name: page,
        "filter_query": query.urlencode(),
        "filters_applied": filters_applied,
    }
