"""Every page type renders for the public when live and is a 404 when it is not."""

import pytest
from wagtail.models import Page, PageViewRestriction, get_page_models

from portal.models import HomePage
from tests.page_factories import PAGE_FACTORIES
from tests.portal.factories import home_page

PORTAL_APPS = {"portal", "knowledge", "best_practice", "dialogue", "reference_group", "search"}

pytestmark = pytest.mark.django_db


def test_every_page_type_has_a_factory_for_these_tests():
    concrete_page_models = {
        model
        for model in get_page_models()
        if model._meta.app_label in PORTAL_APPS and model is not HomePage
    }
    assert concrete_page_models == set(PAGE_FACTORIES)


@pytest.mark.parametrize("page_model", list(PAGE_FACTORIES), ids=lambda model: model.__name__)
def test_a_live_page_renders_for_the_public(client, page_model):
    page = PAGE_FACTORIES[page_model](title="A page readers can open")

    response = client.get(page.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>A page readers can open</h1>" in html
    assert '<main id="main-content"' in html


@pytest.mark.parametrize("page_model", list(PAGE_FACTORIES), ids=lambda model: model.__name__)
def test_an_unpublished_page_is_not_found(client, page_model):
    page = PAGE_FACTORIES[page_model]()
    url = page.url
    page.unpublish()

    response = client.get(url)

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_the_home_page_renders_and_is_not_found_when_unpublished(client):
    home = home_page()
    response = client.get("/")
    assert response.status_code == 200
    assert "<h1>Safety Partnerships Knowledge Portal</h1>" in response.content.decode()

    home.unpublish()
    assert client.get("/").status_code == 404


def test_a_private_page_asks_for_a_login_instead_of_showing_its_content(client):
    page = PAGE_FACTORIES[next(iter(PAGE_FACTORIES))](title="Internal notes", body=[])
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(page.url)

    assert response.status_code == 302
    assert "Internal notes" not in response.content.decode()


def test_the_root_page_type_cannot_be_served_as_content():
    # Wagtail's placeholder welcome page was replaced by the portal's home page.
    assert not Page.objects.filter(depth=2).exclude(content_type__model="homepage").exists()
