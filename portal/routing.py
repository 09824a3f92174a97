"""Finding the page for a URL in two queries, whatever its depth.

Wagtail routes ``/a/b/c/`` by asking each page in turn for its child (two queries per level).
The site's root page hands routing to ``route_directly`` instead: one query reads every page
whose URL path is a prefix of the address (with its type and whether it is live), and the
page that Wagtail's walk would reach is loaded once. The walk's rules are kept: a routable page
on the way whose own sub-URLs match the rest of the address answers it, before any deeper page.
The pages read on the way are kept on the request, so breadcrumbs and a page's parent need no
further query (``routed_ancestors``).

The pages that lead somewhere (those with children: the sections, the library, the agenda)
and the root's children that answer addresses of their own (the register, the dialogue) are
few, whatever the amount of content. They are kept with the site's structure, per generation
(portal/site_structure.py), so an address that ends at one of them or that one of them answers
(a partnership's profile, an organisation, a commitment) is routed with no query, for any of
the thousands of addresses such a page answers. A page below one of them of the type it
mostly holds (a publication, a practice, an event) is read in one query; other addresses take
the two queries. Without the page cache (development, tests) nothing is kept.
"""

from django.db.models import Q
from django.http import Http404
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from portal import page_cache
from portal.site_structure import remembered


def _answers_subpath(model, remaining: list[str]) -> bool:
    if model is None or not issubclass(model, RoutablePageMixin):
        return False
    try:
        model.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
    except Resolver404:
        return False
    return True


def kept_pages(request, root) -> dict:
    """The live pages under the root that lead somewhere, by URL path (see the docstring),
    while they can be kept per generation (else none: reading them would cost more than it
    saves)."""
    if not page_cache.enabled():
        return {}

    def build():
        pages = (
            root.get_descendants()
            .live()
            .filter(Q(numchild__gt=0) | Q(depth=root.depth + 1))
            .specific()
        )
        return {
            page.url_path: page
            for page in pages
            if page.numchild or isinstance(page, RoutablePageMixin)
        }

    return remembered(request, f"kept-pages:{root.pk}", build)


def _likely_child(parent, slug: str, url_path: str):
    """``parent``'s child at ``url_path`` if it is of the parent's first allowed page type (what
    an index mostly holds: publications in the library, practices in the practice library),
    read whole in one query through the slug's index; else None."""
    models = type(parent).allowed_subpage_models()
    if not models:
        return None
    return next(iter(models[0].objects.filter(slug=slug, url_path=url_path)[:1]), None)


def _route_kept(root, request, path_components, prefixes):
    """The route through kept pages, by Wagtail's rules, or None when it needs a page that is
    not kept and not found as the likely child of a kept page (a draft on the way, another
    type of page)."""
    kept = kept_pages(request, root)
    on_the_way = []
    for length, prefix in enumerate(prefixes, start=1):
        page = kept.get(prefix)
        remaining = path_components[length:]
        if page is None:
            # A leaf: no deeper page exists, so it answers the rest of the address or nothing.
            if not on_the_way:
                return None
            page = _likely_child(on_the_way[-1], path_components[length - 1], prefix)
            if page is None:
                return None
        elif remaining and not _answers_subpath(type(page), remaining):
            on_the_way.append(page)
            continue
        request.routed_pages = [root, *on_the_way]
        return page.route(request, remaining)
    return None


def route_directly(root, request, path_components):
    prefixes = [
        root.url_path + "".join(f"{part}/" for part in path_components[:length])
        for length in range(1, len(path_components) + 1)
    ]
    if root.live and _answers_subpath(type(root), path_components):
        return RoutablePageMixin.route(root, request, path_components)
    kept = _route_kept(root, request, path_components, prefixes)
    if kept is not None:
        return kept
    # Every page on the way has one of the components as its slug: the slug index finds them
    # (Wagtail does not index url_path, so without it this query reads the whole tree).
    chain = list(
        Page.objects.filter(
            slug__in=set(path_components),
            url_path__in=prefixes,
            path__startswith=root.path,
            depth__gt=root.depth,
        ).order_by("depth")
    )
    if not chain:
        raise Http404
    models = [page.specific_class for page in chain]  # content types are cached per process
    target = len(chain) - 1
    for index, page in enumerate(chain):
        remaining = path_components[page.depth - root.depth :]
        if page.live and remaining and _answers_subpath(models[index], remaining):
            target = index
            break
    model = models[target] or Page  # a page type whose code is gone is served as a plain page
    request.routed_pages = [root, *chain[:target]]
    page = model.objects.get(pk=chain[target].pk)
    return page.route(request, path_components[chain[target].depth - root.depth :])


def routed_parent(request, page) -> Page:
    """``page``'s parent: the one routing read for this request, else read now (one query)."""
    return (routed_ancestors(request, page) or [page.get_parent()])[-1]


def routed_ancestors(request, page) -> list[Page] | None:
    """``page``'s ancestors from the site root down, as routing read them for this request, or
    None when the request did not route through every one of them."""
    pages = getattr(request, "routed_pages", None) if request is not None else None
    if not pages:
        return None
    ancestors = [known for known in pages if page.path.startswith(known.path)]
    ancestors = [known for known in ancestors if known.depth < page.depth]
    if len(ancestors) != page.depth - pages[0].depth:
        return None
    return ancestors
