"""A master class page names its facilitators' organisations and partner institutions, live
and in an editor's preview of unsaved changes, without reading their contact people."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from best_practice.models import Facilitator
from tests.best_practice.factories import MasterClassPageFactory
from tests.knowledge.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def master_class():
    page = MasterClassPageFactory(title="Joint patrols")
    page.facilitators.add(
        Facilitator(name="Nomsa Facilitator", organisation=OrganisationFactory(name="Safety NGO"))
    )
    page.partner_institutions.add(OrganisationFactory(name="Training College"))
    page.save_revision().publish()
    return page


def test_the_page_names_organisations_without_reading_their_contacts(client, master_class):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(master_class.url).content.decode()

    for shown in ("Nomsa Facilitator", "Safety NGO", "Training College"):
        assert shown in html
    read = " ".join(query["sql"] for query in queries)
    assert '"knowledge_organisation"."name"' in read
    assert "knowledge_organisationcontact" not in read


def test_an_editor_previews_unsaved_facilitators(master_class):
    draft = master_class.specific
    draft.facilitators.add(Facilitator(name="Unsaved Facilitator"))
    draft.partner_institutions.add(OrganisationFactory(name="Unsaved Institution"))
    draft.save_revision()
    preview = master_class.get_latest_revision_as_object()  # children in memory, not saved
    request = RequestFactory().get(master_class.url)
    request.user = get_user_model().objects.create_superuser("ed", "ed@example.org", "pw")

    response = preview.serve_preview(request, preview.default_preview_mode)

    html = response.render().content.decode()
    assert response.status_code == 200
    for shown in ("Nomsa Facilitator", "Unsaved Facilitator", "Unsaved Institution"):
        assert shown in html
