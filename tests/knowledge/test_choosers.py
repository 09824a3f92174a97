"""Choosing partnerships in the admin: page editors see only public ones; the register's own
choosers answer only people with register access (found by the authorisation matrix)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from dialogue.models import Commitment
from knowledge.choosers import PublicPartnershipChoicesModelForm
from knowledge.groups import REGISTER_VIEWERS
from knowledge.models.choices import Visibility
from tests.dialogue.factories import CommitmentFactory
from tests.knowledge.factories import AgreementFactory, PartnershipFactory, user_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_editor():
    user = get_user_model().objects.create_user("pages", "pages@example.org", "pw")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def partnerships():
    return (
        PartnershipFactory(title="Open farm watch"),
        PartnershipFactory(title="Secret liaison", visibility=Visibility.INTERNAL),
    )


@pytest.mark.parametrize("model", ["partnership", "agreement", "annualreview", "kpimeasurement"])
def test_a_page_editor_cannot_open_the_registers_choosers(client, page_editor, model):
    agreement = AgreementFactory(partnership=PartnershipFactory(visibility=Visibility.INTERNAL))
    client.force_login(page_editor)

    for url in (
        reverse(f"wagtailsnippetchoosers_knowledge_{model}:choose"),
        reverse(f"wagtailsnippetchoosers_knowledge_{model}:choose_results"),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert agreement.partnership.title not in response.content.decode()


def test_a_page_editor_cannot_resolve_an_internal_partnership_by_id(client, page_editor):
    _, secret = PartnershipFactory(), PartnershipFactory(visibility=Visibility.INTERNAL)
    client.force_login(page_editor)

    chosen = client.get(
        reverse("wagtailsnippetchoosers_knowledge_partnership:chosen", args=[secret.pk])
    )
    public = client.get(reverse("public_partnership_chooser:chosen", args=[secret.pk]))

    assert chosen.status_code in (302, 403)
    assert public.status_code == 404


def test_the_public_chooser_lists_only_public_partnerships(client, page_editor, partnerships):
    client.force_login(page_editor)

    response = client.get(reverse("public_partnership_chooser:choose"))

    assert response.status_code == 200
    html = response.json()["html"]
    assert "Open farm watch" in html
    assert "Secret liaison" not in html


def test_register_staff_still_choose_any_partnership(client, partnerships):
    client.force_login(user_in(REGISTER_VIEWERS))

    response = client.get(reverse("wagtailsnippetchoosers_knowledge_partnership:choose"))

    assert response.status_code == 200
    assert "Secret liaison" in response.json()["html"]


class CommitmentPartnershipsForm(PublicPartnershipChoicesModelForm):
    class Meta:
        model = Commitment
        fields = ["partnerships"]


def test_a_page_editor_is_offered_public_partnerships_and_keeps_internal_links(
    page_editor, partnerships
):
    public, secret = partnerships
    commitment = CommitmentFactory()
    commitment.partnerships.set([secret])
    commitment.save()

    form = CommitmentPartnershipsForm(
        data={"partnerships": [public.pk]}, instance=commitment, for_user=page_editor
    )

    assert list(form.fields["partnerships"].queryset) == [public]
    assert "Secret liaison" not in str(form["partnerships"])
    assert form.is_valid(), form.errors
    form.save()
    commitment.refresh_from_db()
    assert set(commitment.partnerships.all()) == {public, secret}


def test_a_page_editor_cannot_link_an_internal_partnership(page_editor, partnerships):
    _, secret = partnerships
    form = CommitmentPartnershipsForm(
        data={"partnerships": [secret.pk]}, instance=CommitmentFactory(), for_user=page_editor
    )

    assert not form.is_valid()
    assert "partnerships" in form.errors


def test_register_forms_keep_the_registers_chooser_and_evidence_uses_the_public_one(client):
    from tests.best_practice.factories import PracticePageFactory

    client.force_login(get_user_model().objects.create_superuser("boss", "", "pw"))
    register_chooser = reverse("wagtailsnippetchoosers_knowledge_partnership:choose")
    public_chooser = reverse("public_partnership_chooser:choose")

    agreement_form = client.get(reverse("wagtailsnippets_knowledge_agreement:add")).content
    practice = PracticePageFactory()
    practice_form = client.get(reverse("wagtailadmin_pages:edit", args=[practice.pk])).content

    assert register_chooser.encode() in agreement_form
    assert public_chooser.encode() not in agreement_form
    assert public_chooser.encode() in practice_form
