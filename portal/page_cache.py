"""A cache of rendered public pages for anonymous readers that is never stale.

What is cached: the 200 answers to GET and HEAD requests that carry no session or messages
cookie (so no signed-in user, member or editor, and no reader who has typed a page password or
has a message waiting), outside the admin, the members' area and documents, that set no cookie,
hold no CSRF token and are not marked private. That covers pages, their routable sub-pages,
search (HTML and JSON) and suggestions, feeds, calendars and the sitemap.

Never stale: every key includes a *generation* token. Any change to the database that can alter
a public answer replaces the token (``bump``): a model saved or deleted (pages published or
unpublished, privacy rules, the register, snippets, documents, settings), a page moved, and the
search index taking changes in. Entries of older generations are never read again and expire.
The token is replaced at once and again when the transaction commits, so a page rendered from
data older than the commit is filed under a generation nobody asks for. What the clock decides
(an event turning from upcoming to past) is bounded by ``PAGE_CACHE_SECONDS``.

The cache is ``CACHES["pages"]``: a directory shared by every gunicorn worker by default, Redis
when ``REDIS_URL`` is set (see the settings). ``PAGE_CACHE_SECONDS = 0`` turns it off.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

GENERATION_KEY = "page-cache:generation"

# Sent with ``request`` and ``response`` whenever a stored answer is served, so that what a view
# does besides answering (search counts its queries) still happens for cached answers.
served_from_cache = Signal()
EXCLUDED_PREFIXES = ("/admin/", "/members/", "/documents/", "/_util/", "/static/", "/media/")
CACHED_CONTENT_TYPES = (
    "text/html",
    "application/json",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/calendar",
    "text/plain",
)
# Rows written as a side effect of reading or editing, which change nothing readers see.
IGNORED_MODELS = {
    "sessions.session",
    "axes.accessattempt",
    "axes.accesslog",
    "axes.accessfailurelog",
    "admin.logentry",
    "wagtailadmin.editingsession",
    "wagtailadmin.formstate",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.referenceindex",
    "wagtailcore.taskstate",
    "wagtailcore.uploadedfile",
    "wagtailcore.workflowstate",
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.pagesubscription",
    "wagtailsearch.indexentry",
    "wagtailsearchpromotions.query",  # a search counted, not a promotion chosen
    "wagtailsearchpromotions.querydailyhits",
    "wagtailusers.userprofile",
}
IGNORED_APPS = {"search", "django_tasks_database", "contenttypes"}
# A page or user saved with only these fields changed is a draft or a sign-in, not news.
DRAFT_ONLY_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
        "last_login",
    }
)


def page_cache():
    return caches["pages"]


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def current_generation() -> str:
    cache = page_cache()
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.add(GENERATION_KEY, generation, timeout=None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def bump() -> None:
    """Make every cached page unreachable: now, and again once the transaction commits."""
    if not enabled():
        return
    page_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    transaction.on_commit(lambda: page_cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None))


def changes_what_readers_see(sender, update_fields=None) -> bool:
    meta = sender._meta
    if meta.app_label in IGNORED_APPS or meta.label_lower in IGNORED_MODELS:
        return False
    return not (update_fields and frozenset(update_fields) <= DRAFT_ONLY_FIELDS)


def _on_save(sender, update_fields=None, **kwargs):
    if changes_what_readers_see(sender, update_fields):
        bump()


def _on_change(sender, **kwargs):
    if changes_what_readers_see(sender):
        bump()


def connect_signals() -> None:
    """Called once from PortalConfig.ready()."""
    from wagtail.signals import post_page_move

    post_save.connect(_on_save, dispatch_uid="page_cache_save")
    post_delete.connect(_on_change, dispatch_uid="page_cache_delete")
    m2m_changed.connect(_on_change, dispatch_uid="page_cache_m2m")
    post_page_move.connect(_on_change, dispatch_uid="page_cache_move")


def _may_serve_from_cache(request) -> bool:
    return (
        enabled()
        and request.method in ("GET", "HEAD")
        and not request.path.startswith(EXCLUDED_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _key(request, generation: str) -> str:
    wants_json = "application/json" in request.headers.get("Accept", "")
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}|{wants_json}"
    return f"page-cache:{generation}:{hashlib.sha256(address.encode()).hexdigest()}"


def _may_store(request, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in cache_control
        and "no-store" not in cache_control
        and response.get("Content-Type", "").split(";")[0] in CACHED_CONTENT_TYPES
        and b"csrfmiddlewaretoken" not in response.content
    )


class AnonymousPageCacheMiddleware:
    """Serves and stores cached answers (see the module's docstring). Place it first after
    SecurityMiddleware: a hit then skips sessions, CSRF and the view entirely."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _may_serve_from_cache(request):
            response = self.get_response(request)
            if enabled() and "Cache-Control" not in response:
                patch_cache_control(response, private=True, no_cache=True)
            return response

        # Read once per request: the site structure (portal/site_structure.py) uses it too.
        request.page_cache_generation = current_generation()
        key = _key(request, request.page_cache_generation)
        cached = page_cache().get(key)
        if cached is not None:
            served_from_cache.send(type(self), request=request, response=cached)
            conditional = get_conditional_response(request, etag=cached["ETag"])
            response = conditional or cached
            response["X-Page-Cache"] = "hit"
            return response

        response = self.get_response(request)
        if _may_store(request, response):
            response["ETag"] = (
                f'"{hashlib.md5(response.content, usedforsecurity=False).hexdigest()}"'
            )
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            patch_vary_headers(response, ["Cookie", "Accept"])
            page_cache().set(key, response, timeout=settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        elif "Cache-Control" not in response:
            patch_cache_control(response, private=True, no_cache=True)
        return response
