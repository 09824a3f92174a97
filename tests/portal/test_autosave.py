"""Autosave never creates or changes a live record (register issue): tried through the
autosave request itself (a POST that asks for JSON), as Wagtail's script sends it."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data

from best_practice.models import PracticePage
from knowledge.models import Agreement
from portal.autosave import REFUSED
from tests.best_practice.factories import PracticePageFactory, practice_library
from tests.dialogue.factories import CommitmentFactory
from tests.knowledge.factories import PartnershipFactory

pytestmark = pytest.mark.django_db
AUTOSAVE = {"Accept": "application/json"}


@pytest.fixture
def editor(client):
    client.force_login(get_user_model().objects.create_superuser("boss", "", "pw"))
    return client


def refused(response) -> bool:
    body = response.json()
    return body["success"] is False and body["error_code"] == "autosave_disabled"


def test_autosave_on_add_agreement_creates_nothing(editor):
    partnership = PartnershipFactory()

    response = editor.post(
        reverse("wagtailsnippets_knowledge_agreement:add"),
        {"partnership": partnership.pk, "kind": "moa", "version": "1", "status": "draft"},
        headers=AUTOSAVE,
    )

    assert refused(response)
    assert response.json()["error_message"] == REFUSED
    assert not Agreement.objects.exists()


def test_the_add_form_does_not_offer_autosave_and_save_still_saves(editor):
    partnership = PartnershipFactory()
    url = reverse("wagtailsnippets_knowledge_agreement:add")

    assert editor.get(url).context["autosave_enabled"] is False
    response = editor.post(
        url, {"partnership": partnership.pk, "kind": "moa", "version": "1", "status": "draft"}
    )

    assert response.status_code == 302
    assert Agreement.objects.get().partnership == partnership


def test_autosave_on_a_register_record_changes_nothing(editor):
    partnership = PartnershipFactory(title="Farm watch")
    url = reverse("wagtailsnippets_knowledge_partnership:edit", args=[partnership.pk])

    assert editor.get(url).context["autosave_enabled"] is False
    response = editor.post(url, {"title": "Half-typed titl"}, headers=AUTOSAVE)

    assert refused(response)
    partnership.refresh_from_db()
    assert partnership.title == "Farm watch"
    assert not partnership.revisions.exists()


def test_autosave_on_a_draft_state_snippet_saves_a_draft_only(editor):
    commitment = CommitmentFactory(promise="Light the taxi rank")
    url = reverse("wagtailsnippets_dialogue_commitment:edit", args=[commitment.pk])

    assert editor.get(url).context["autosave_enabled"] is True


def test_autosave_on_add_page_creates_no_page(editor):
    library = practice_library()
    url = reverse("wagtailadmin_pages:add", args=["best_practice", "practicepage", library.pk])

    assert editor.get(url).context["autosave_enabled"] is False
    response = editor.post(
        url,
        nested_form_data({"title": "Half a practice", "slug": "half-a-practice"}),
        headers=AUTOSAVE,
    )

    assert refused(response)
    assert not PracticePage.objects.filter(slug="half-a-practice").exists()


def test_editing_a_page_still_autosaves_a_draft(editor):
    practice = PracticePageFactory(title="Farm watch patrols")
    url = reverse("wagtailadmin_pages:edit", args=[practice.pk])

    assert editor.get(url).context["autosave_enabled"] is True
