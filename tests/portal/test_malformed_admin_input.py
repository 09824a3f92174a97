"""Malformed admin input gets a form error or a message, never a 500 (hardening issue, item 6)."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

from tests.best_practice.factories import PracticePageFactory

pytestmark = pytest.mark.django_db

NOT_IMAGES = {
    "script behind a GIF header": ("photo.gif", b"GIF89a<script>alert(1)</script>"),
    "HTML named .png": ("photo.png", b"<html><script>alert(1)</script></html>"),
    "PNG header then junk": ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40),
}


def png() -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (4, 3), "green").save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def editor(client):
    client.raise_request_exception = True  # a 500 fails the test with its traceback
    client.force_login(get_user_model().objects.create_superuser("boss", "", "pw"))
    return client


@pytest.mark.parametrize(("name", "content"), NOT_IMAGES.values(), ids=NOT_IMAGES.keys())
def test_a_file_that_is_not_an_image_is_a_form_error(editor, name, content):
    response = editor.post(
        reverse("wagtailimages:add"),
        {"title": "Photo", "file": SimpleUploadedFile(name, content)},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"]  # shown at the file field
    assert not get_image_model().objects.exists()


def test_the_multiple_upload_refuses_it_too(editor):
    name, content = NOT_IMAGES["script behind a GIF header"]
    response = editor.post(
        reverse("wagtailimages:add_multiple"), {"files[]": SimpleUploadedFile(name, content)}
    )

    assert response.status_code == 200
    assert response.json()["success"] is False
    assert not get_image_model().objects.exists()


def test_a_real_image_is_still_accepted(editor):
    response = editor.post(
        reverse("wagtailimages:add"),
        {"title": "Photo", "file": SimpleUploadedFile("photo.png", png())},
    )

    assert response.status_code == 302
    assert get_image_model().objects.get().width == 4


def test_a_page_edit_missing_a_stream_count_is_sent_back_with_a_message(editor):
    practice = PracticePageFactory(title="Farm watch")
    url = reverse("wagtailadmin_pages:edit", args=[practice.pk])

    response = editor.post(url, {"title": "Tampered", "slug": practice.slug}, follow=True)

    assert response.redirect_chain == [(url, 302)]
    messages = [str(message) for message in response.context["messages"]]
    assert any("Nothing was saved: the form arrived incomplete" in m for m in messages)
    practice.refresh_from_db()
    assert practice.title == "Farm watch"
    assert all(revision.content["title"] != "Tampered" for revision in practice.revisions.all())
