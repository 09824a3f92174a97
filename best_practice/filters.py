"""The practice library's filters, sort orders and category-by-setting matrix."""

from collections import Counter
from urllib.parse import urlencode

from django import forms
from django.db.models import Case, IntegerField, Q, Value, When

from best_practice.models.choices import RATING_ORDER, EvidenceRating, Structure
from portal.listing import UrlFilterForm, with_all
from portal.taxonomy import Province, Setting, StrategyCategory


def _rating_rank():
    return Case(
        *[
            When(evidence_rating=rating, then=Value(rank))
            for rank, rating in enumerate(RATING_ORDER)
        ],
        default=Value(len(RATING_ORDER)),
        output_field=IntegerField(),
    )


SORTS = {
    "priority": lambda qs: qs.order_by("-priority_score", "title"),
    "rating": lambda qs: qs.annotate(rating_rank=_rating_rank()).order_by("rating_rank", "title"),
    "date": lambda qs: qs.order_by("-first_published_at", "title"),
}


UNRATED = "unrated"


class PracticeFilterForm(UrlFilterForm):
    category = forms.ChoiceField(
        label="Strategy", required=False, choices=with_all(StrategyCategory.choices, "All")
    )
    setting = forms.ChoiceField(required=False, choices=with_all(Setting.choices, "All settings"))
    province = forms.ChoiceField(
        label="Implemented in", required=False, choices=with_all(Province.choices, "Anywhere")
    )
    rating = forms.ChoiceField(
        label="Evidence rating",
        required=False,
        choices=with_all([*EvidenceRating.choices, (UNRATED, "Not yet rated")], "Any"),
    )
    structure = forms.ChoiceField(
        label="Who is involved", required=False, choices=with_all(Structure.choices, "Anyone")
    )
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[("priority", "Priority"), ("rating", "Evidence rating"), ("date", "Newest")],
    )

    lookups = {
        "category": "strategy_category",
        "setting": "place_settings__has",
        "province": "provinces_implemented__has",
        "rating": "evidence_rating",
        "structure": "structures__has",
    }

    def condition(self, name: str, value) -> Q:
        if name == "rating" and value == UNRATED:
            return Q(evidence_rating="")
        return super().condition(name, value)

    def order(self, queryset, sort: str):
        return SORTS.get(sort, SORTS["priority"])(queryset)


def category_setting_matrix(practices) -> dict:
    """How many practices fill each strategy-category x setting cell, with a link to them."""
    counts = Counter()
    for category, settings in practices.values_list("strategy_category", "place_settings"):
        for setting in settings:
            counts[(category, setting)] += 1
    rows = []
    for category, category_label in StrategyCategory.choices:
        cells = []
        for setting, setting_label in Setting.choices:
            count = counts[(category, setting)]
            query = urlencode({"category": category, "setting": setting})
            cells.append({"setting": setting_label, "count": count, "query": query})
        rows.append({"category": category_label, "cells": cells})
    return {"settings": Setting.labels, "rows": rows}
