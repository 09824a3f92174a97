"""Shared parts of the public listings (partnerships, publications, practices): filters read
from the URL, where a bad value is dropped rather than shown as an error, and pagination that
keeps the filters in its links."""

import html

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.forms.utils import flatatt
from django.utils.formats import localize
from django.utils.functional import Promise
from django.utils.safestring import mark_safe

from portal.site_structure import remembered


def with_all(choices, label: str) -> list[tuple[str, str]]:
    """Choices with a first, empty option meaning "no filter"."""
    return [("", label), *choices]


def _escaped(text) -> str:
    """``conditional_escape`` without its lazy-argument wrapper, which cost more than the
    escaping itself when called for every option."""
    if isinstance(text, Promise):
        text = str(text)
    if hasattr(text, "__html__"):
        return text.__html__()
    return html.escape(str(text))


class InlineSelect(forms.Select):
    """Django's select, written in Python: the same HTML as its template (but for the
    whitespace between tags and the order of attributes), without a template, an option
    dictionary or a ``format_html`` for every option. A filter of 144 options took about 30%
    of the research library's time through templates (bench/README.md, sixth run), and still
    a quarter of it through ``optgroups`` and ``format_html`` (ninth run)."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = self.format_value(value)
        has_selected = False

        def option(option_value, label) -> str:
            nonlocal has_selected
            option_value = str(option_value)
            selected = not has_selected and option_value in chosen
            has_selected |= selected
            return '<option value="{}"{}>{}</option>'.format(
                _escaped(option_value), " selected" if selected else "", _escaped(localize(label))
            )

        parts = []
        for option_value, label in self.choices:
            if option_value is None:
                option_value = ""
            if isinstance(label, (list, tuple)):
                rows = "".join(option(sub_value, sub_label) for sub_value, sub_label in label)
                parts.append(f'<optgroup label="{_escaped(option_value)}">{rows}</optgroup>')
            else:
                parts.append(option(option_value, label))
        attrs = self.build_attrs(self.attrs, attrs)
        # Every value, label and attribute above is escaped.
        return mark_safe(  # noqa: S308  # nosec B308 B703
            f'<select name="{_escaped(name)}"{flatatt(attrs)}>{"".join(parts)}</select>'
        )


class UrlFilterForm(forms.Form):
    """A GET form of filters. ``sort`` is a choice of order, not a filter.

    ``lookups`` maps each filter to the ORM lookup it applies; a filter that needs more than
    one lookup overrides ``condition``. Filters listed in ``joined`` cross a to-many relation,
    so they go through a subquery and never duplicate rows.
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

    def condition(self, name: str, value) -> Q:
        """The ORM condition a filter's value stands for."""
        return Q(**{self.lookups[name]: value})

    def apply(self, queryset):
        for name, value in self.valid_filters().items():
            condition = self.condition(name, value)
            if name in self.joined:
                matching = queryset.model._default_manager.filter(condition).values("pk")
                queryset = queryset.filter(pk__in=matching)
            else:
                queryset = queryset.filter(condition)
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
