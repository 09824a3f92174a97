"""What every page shows of the site's structure (the menu, the footer, where the sections and
explainer pages are) computed once, not on every request.

Within a request a value is built once. While the page cache is on, it is also kept in the
default cache under the page cache's generation, which any change readers could see replaces
(portal/page_cache.py), so it is never older than the data it comes from.
"""

from contextvars import ContextVar

from django.conf import settings
from django.core.cache import caches
from wagtail.models import Site

from portal import page_cache
from portal.batch import shared

_MISSING = object()
_reading = ContextVar("site_structure_request", default=None)


def reading_request():
    """The GET or HEAD request being answered, or None (a write, a command, a task)."""
    return _reading.get()


def remembered(request, name: str, build, using: str = "default"):
    """``build()``'s value for ``name``, built at most once per request and per generation
    (without a request, once per batch). ``using`` names the cache it is kept in: the default,
    each worker's own, suits the few values every page reads; ``"pages"``, shared by every
    worker, suits the many that each serve one address."""
    if request is None:  # indexing, a command: once per batch (portal/batch.py)
        return shared(f"site-structure:{name}", build)
    memo = request.__dict__.setdefault("_site_structure", {})
    if name in memo:
        return memo[name]
    if page_cache.enabled():
        generation = getattr(request, "page_cache_generation", None)
        if generation is None:
            generation = request.page_cache_generation = page_cache.current_generation()
        key = f"site-structure:{generation}:{request.get_host()}:{name}"
        store = caches[using]
        value = store.get(key, _MISSING)
        if value is _MISSING:
            value = build()
            store.set(key, value, timeout=settings.PAGE_CACHE_SECONDS)
    else:
        value = build()
    memo[name] = value
    return value


def first_live_public(request, model):
    """The first live, public page of ``model`` (a section, the glossary ...), or None."""
    label = model._meta.label_lower
    return remembered(request, f"first:{label}", lambda: model.objects.live().public().first())


def section_pages(request, root) -> list:
    """The live, public pages in the menu directly under ``root`` (the site's sections)."""
    from portal import page_privacy

    return remembered(
        request,
        f"section-pages:{root.pk}",
        lambda: list(page_privacy.public(root.get_children().live()).in_menu().specific()),
    )


def _site_for(request):
    site = Site.find_for_request(request)
    if site is not None:
        site.root_page.specific  # noqa: B018 - read now, so that it is kept with the site
    return site


class SiteStructureMiddleware:
    """For GET and HEAD requests, lets the structure above be read once per request (and per
    generation): which site answers (Wagtail's lookup, which it keeps on the request as
    ``_wagtail_site``), its root page, and which pages are private (portal/page_privacy.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        token = _reading.set(request)
        try:
            if page_cache.enabled():
                request._wagtail_site = remembered(
                    request, f"site:{request.get_port()}", lambda: _site_for(request)
                )
            return self.get_response(request)
        finally:
            _reading.reset(token)
