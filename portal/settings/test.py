"""The pytest suite: fast hashing, files in a throw-away folder, tasks run at once."""

import tempfile

from .base import *

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105  # nosec B105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-media-"))
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-private-"))
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WAGTAILADMIN_BASE_URL = "http://testserver"

# Each test decides whether Elasticsearch is configured: a node named by ELASTICSEARCH_URL (see
# `make test-es`) is used only by the tests marked `elasticsearch`, which switch it on for
# themselves; every other test runs on the database engine, with or without a node.
TEST_ELASTICSEARCH_URL = ELASTICSEARCH_URL
ELASTICSEARCH_URL = ""
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# The page cache is off in tests, except in those that test it (tests/portal/test_page_cache.py),
# which turn it on with a cache of their own: the database rolls back between tests, a cache
# would not.
PAGE_CACHE_SECONDS = 0
SEARCH_COUNT_SECONDS = 0  # written at once; tests/search/test_promotions_and_statistics.py
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
