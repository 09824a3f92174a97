"""Local development: debug on, a fixed non-secret key, mail to the console."""

from .base import *

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Templates and code change under a developer's hands: no page cache unless asked for.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)
