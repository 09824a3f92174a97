"""Rand amounts the South African way: R 12 500,00."""

from decimal import Decimal, InvalidOperation

from django import template
from django.utils.numberformat import format as number_format

register = template.Library()


@register.filter
def rand(value) -> str:
    """``12500`` → ``R 12 500,00`` (non-breaking spaces); empty for no amount."""
    if value in (None, ""):
        return ""
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    grouped = number_format(amount, ",", 2, 3, "\xa0", force_grouping=True)
    return f"R\xa0{grouped}"
