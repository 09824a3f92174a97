"""robots.txt: crawlers are kept out of the admin, the members' area and search results, and
pointed at the sitemap of everything public."""

import pytest

pytestmark = pytest.mark.django_db


def test_robots_txt_points_crawlers_at_the_sitemap_and_away_from_private_areas(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for area in ("/admin/", "/members/", "/search/"):
        assert f"Disallow: {area}" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /" not in lines  # the public site itself stays open to crawlers
    assert client.get("/sitemap.xml").status_code == 200


def test_robots_txt_names_the_host_it_was_asked_for(client, settings):
    settings.ALLOWED_HOSTS = ["portal.example.org"]

    response = client.get("/robots.txt", HTTP_HOST="portal.example.org", secure=True)

    assert "Sitemap: https://portal.example.org/sitemap.xml" in response.content.decode()
