from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from portal import throttling
from portal.robots import robots_txt

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's password forms for pages and collections, with wrong passwords throttled; these
    # come before Wagtail's own patterns for the same URLs, so they answer them.
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        throttling.authenticate_document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        throttling.authenticate_page_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("search/", include("search.urls")),
    path("members/", include("reference_group.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving comes last: it answers every URL the patterns above do not.
urlpatterns += [path("", include(wagtail_urls))]
