"""Production: refuses to start without a secret key; HTTPS, secure cookies and HSTS on.

Required: SECRET_KEY, ALLOWED_HOSTS; DATABASE_URL should name PostgreSQL.
Background tasks (search indexing, Wagtail's reference index) are queued in the database: run
`manage.py db_worker` beside the web server.
Optional: DATABASE_CONN_MAX_AGE, ELASTICSEARCH_URL, MEDIA_ROOT, STATIC_ROOT, CSRF_TRUSTED_ORIGINS,
SECURE_SSL_REDIRECT, SECURE_HSTS_SECONDS, USE_X_FORWARDED_PROTO, WAGTAILADMIN_BASE_URL. The README
lists what each does.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *
from .environment import env_bool

DEBUG = False

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production refuses to start without it: set SECRET_KEY to a "
        "long random value (for example `python -c 'import secrets; "
        "print(secrets.token_urlsafe(50))'`)."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is not set. List the portal's host names, comma-separated "
        "(for example `ALLOWED_HOSTS=portal.example.gov.za`)."
    )

# WhiteNoise serves the collected static files straight from gunicorn, compressed and cached.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES["staticfiles"] = {
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

# HTTPS everywhere. Behind a proxy that terminates TLS, set USE_X_FORWARDED_PROTO=true.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
if env_bool("USE_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# Each worker keeps its database connection between requests (Django's health check replaces a
# broken one). Opening one per request cost 7 ms on SQLite at 50,000 documents (a cold schema
# and page cache every time: bench/README.md) and a connection handshake on PostgreSQL.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 300)

# Saving a page must not wait for Elasticsearch: tasks are queued and a worker runs them.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

LOGGING["root"]["level"] = env_str("LOG_LEVEL", "INFO")

# E-mail (registration confirmations, password resets) over SMTP, configured by environment.
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "portal@localhost")

# Behind a reverse proxy every request comes from the proxy's address: django-axes must read the
# client's address from X-Forwarded-For (set by that many trusted proxies), or one reader's
# failed sign-ins would lock out everyone.
if proxies := env_int("PROXY_COUNT", 0):
    AXES_IPWARE_PROXY_COUNT = proxies
    AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")
