"""Settings shared by every environment.

Everything that differs between a laptop and production comes from environment variables
(see README "Production"), each with a default that is safe and needs no server.
"""

import datetime
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from .environment import env_bool, env_int, env_list, env_str
from .release import fingerprint

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

# The portal's own apps; DESIGN.md describes what each holds and how they depend.
PORTAL_APPS = ["portal", "knowledge", "best_practice", "dialogue", "reference_group", "search"]
INSTALLED_APPS = [
    *PORTAL_APPS,
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "django.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before sessions and CSRF: a cached page for an anonymous reader skips them
    # (portal/page_cache.py).
    "portal.page_cache.AnonymousPageCacheMiddleware",
    # Reads the site, its root page and which pages are private once (portal/site_structure.py).
    "portal.site_structure.SiteStructureMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.csp.PortalCSPMiddleware",
    "portal.incomplete_forms.IncompleteAdminFormMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its lockout response.
    "axes.middleware.AxesMiddleware",
]

# Caches. "pages" holds rendered public pages for anonymous readers (portal/page_cache.py); it
# must be shared by every worker, so by default it is a directory (PAGE_CACHE_DIR). With
# REDIS_URL set, both caches live in Redis (Django's own backend; `pip install redis`).
# PAGE_CACHE_SECONDS bounds what the clock alone changes (an event becoming past); 0 turns the
# page cache off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# Searches are counted (for the "Search terms" and unanswered-queries reports) in each worker
# and written at most this often, and when the worker stops (search/statistics.py).
SEARCH_COUNT_SECONDS = env_int("SEARCH_COUNT_SECONDS", 10)
# How many rows of words' parts of bm25 each worker keeps on SQLite (search/engines/
# bm25_parts.py), 16 bytes a row: 1,000,000 is 16 MB. 0 keeps none.
SEARCH_PHRASE_PARTS_ROWS = env_int("SEARCH_PHRASE_PARTS_ROWS", 1_000_000)
# Every key names the release that wrote it, so a deploy never serves what the previous release
# cached (portal/settings/release.py).
RELEASE = env_str("RELEASE") or fingerprint(BASE_DIR, PORTAL_APPS)
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"portal-{alias}-{RELEASE}",
        }
        for alias in ("default", "pages")
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env_str("PAGE_CACHE_DIR") or str(BASE_DIR / "var" / "page-cache"),
            "KEY_PREFIX": f"portal-pages-{RELEASE}",
            "OPTIONS": {"MAX_ENTRIES": env_int("PAGE_CACHE_MAX_ENTRIES", 20_000)},
        },
    }

# Content-Security-Policy (django-csp): scripts, styles, images and frames from the portal's own
# origin only; the admin's inline allowance is in portal/csp.py. CSP_REPORT_ONLY=true sends the
# same policy as Content-Security-Policy-Report-Only (to try it before enforcing it), and
# CSP_REPORT_URI names where browsers report what it blocked.
_CSP = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        **({"report-uri": [env_str("CSP_REPORT_URI")]} if env_str("CSP_REPORT_URI") else {}),
    }
}
if env_bool("CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP
else:
    CONTENT_SECURITY_POLICY = _CSP

# Sign-in: django-axes first (it refuses a locked-out account or address before any password
# is checked), then members sign in with their e-mail address, editors with their username.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "reference_group.auth.EmailOrUsernameBackend",
]
# Failed sign-ins (the public members' sign-in, the admin's, and page passwords are counted
# by axes wherever Django authenticates): five in a row lock that account, and separately that
# address, for an hour; a success resets the account's count.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(hours=1)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "reference_group/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False  # no banner on every management command
# Sessions end after eight hours, and when the browser closes.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
LOGIN_URL = "/members/sign-in/"

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: DATABASE_URL (for example postgres://user@host:5432/portal); by default an SQLite
# file in the project folder, so a newcomer needs no database server.
DEFAULT_SQLITE_PATH = BASE_DIR / "db.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL") or f"sqlite:///{DEFAULT_SQLITE_PATH}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # One writer at a time from the start of each transaction, so counters (partnership
    # references) cannot be read twice by concurrent requests.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-za"
TIME_ZONE = "Africa/Johannesburg"
# Dates and numbers the South African way (portal/formats/en_ZA): Django has no en-ZA formats.
FORMAT_MODULE_PATH = ["portal.formats"]
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
# Files no URL may reach (signed agreement scans); served only by permission-checked views.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT") or BASE_DIR / "private-media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Large page editors (StreamFields with many blocks) exceed Django's default of 1,000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Background work (Wagtail's reference index, later the search outbox) goes through the
# django-tasks API. Immediate execution here (nothing else to run); production queues tasks in
# the database for `manage.py db_worker` (django-tasks-db).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Wagtail
WAGTAIL_SITE_NAME = "Safety Partnerships Knowledge Portal"
# No Gravatar: editors' e-mail hashes are not sent to a third party, and the admin loads nothing
# from another origin (see the Content-Security-Policy above).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the release check would call releases.wagtail.org
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# A PDF's text is read in a child process that is stopped after this many seconds (of wall-clock
# and of CPU time) or this much memory: well inside gunicorn's 30-second worker timeout.
PDF_TEXT_SECONDS = env_int("PDF_TEXT_SECONDS", 10)
PDF_TEXT_MEMORY_MB = env_int("PDF_TEXT_MEMORY_MB", 512)
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.forms.PortalImageForm"
WAGTAILDOCS_DOCUMENT_MODEL = "portal.PortalDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.forms.PortalDocumentForm"
# Documents are served through Django so that Wagtail's privacy rules apply to every download.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Search. The portal's own search (search/) keeps the database engine always and Elasticsearch
# when ELASTICSEARCH_URL is set. Wagtail's own backend serves the admin's searches: without
# ELASTICSEARCH_URL its database backend (SQLite FTS5 or PostgreSQL full-text search), so no
# server is needed; with it, Elasticsearch, answered by the database backend (kept current
# beside it) whenever Elasticsearch cannot be reached.
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX_PREFIX = env_str("ELASTICSEARCH_INDEX_PREFIX", "portal_")
ELASTICSEARCH_TIMEOUT = env_int("ELASTICSEARCH_TIMEOUT", 5)  # seconds per request
WAGTAILSEARCH_BACKENDS = {"database": {"BACKEND": "wagtail.search.backends.database"}}
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "search.admin_backend",
        "URLS": [ELASTICSEARCH_URL],
        "INDEX_PREFIX": f"{ELASTICSEARCH_INDEX_PREFIX}wagtail_",
        "TIMEOUT": ELASTICSEARCH_TIMEOUT,
    }
else:
    WAGTAILSEARCH_BACKENDS["default"] = WAGTAILSEARCH_BACKENDS.pop("database")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# The national dialogue: registrants' personal data is deleted this many days after the event
# ends (`manage.py purge_registrations`, daily in production).
DIALOGUE_REGISTRATION_RETENTION_DAYS = env_int("DIALOGUE_REGISTRATION_RETENTION_DAYS", 30)
