"""Dates and money read the South African way (register issue): 26 November 2018, R 12 500,00,
in the admin and on the site."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.urls import reverse
from django.utils import formats

from portal.templatetags.money import rand
from tests.knowledge.factories import AgreementFactory

NBSP = "\xa0"


def test_dates_are_day_month_year():
    day = datetime.date(2018, 11, 26)

    assert formats.date_format(day) == "26 November 2018"
    assert Template("{{ day }}").render(Context({"day": day})) == "26 November 2018"
    assert formats.date_format(day, "SHORT_DATE_FORMAT") == "2018/11/26"


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (Decimal("12500"), f"R{NBSP}12{NBSP}500,00"),
        (1234567.5, f"R{NBSP}1{NBSP}234{NBSP}567,50"),
        (0, f"R{NBSP}0,00"),
        (None, ""),
    ],
)
def test_money_is_rand_with_spaces_and_a_decimal_comma(amount, shown):
    assert rand(amount) == shown


@pytest.mark.django_db
def test_the_admin_shows_register_dates_the_south_african_way(client):
    AgreementFactory(signed_on=datetime.date(2018, 11, 26), expires_on=datetime.date(2023, 11, 25))
    client.force_login(get_user_model().objects.create_superuser("boss", "", "pw"))

    page = client.get(reverse("wagtailsnippets_knowledge_agreement:list")).content.decode()

    assert "26 November 2018" in page
    assert "Nov. 26, 2018" not in page
