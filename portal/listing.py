"""Shared parts of the public listings (partnerships, publications, practices): filters read
from the URL, where a bad value is dropped rather than shown as an error, and pagination that
keeps the filters in its links."""

from django import forms
from django.core.paginator import Paginator


def with_all(choices, label: str) -> list[tuple[str, str]]:
    """Choices with a first, empty option meaning "no filter"."""
    return [("", label), *choices]


class UrlFilterForm(forms.Form):
    """A GET form of filters. ``sort`` is a choice of order, not a filter."""

    def valid_filters(self) -> dict:
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in (None, "") and name != "sort"
        }


def filtered_listing(request, form: UrlFilterForm, queryset, per_page: int, name: str) -> dict:
    """Template context: the form, one page of ``form.apply(queryset)`` under ``name``, and the
    query string (without the page number) for the pagination links."""
    page = Paginator(form.apply(queryset), per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter_form": form,
        name: page,
        "filter_query": query.urlencode(),
        "filters_applied": bool(form.valid_filters()),
    }
