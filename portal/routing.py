"""Finding the page for a URL in two queries, whatever its depth.

Wagtail routes ``/a/b/c/`` by asking each page in turn for its child (two queries per level).
The site's root page hands routing to ``route_directly`` instead: one query reads every page
whose URL path is a prefix of the address (with its type and whether it is live), and the
page that Wagtail's walk would reach is loaded once. The walk's rules are kept: a routable page
on the way whose own sub-URLs match the rest of the address answers it, before any deeper page.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


def _answers_subpath(model, remaining: list[str]) -> bool:
    if model is None or not issubclass(model, RoutablePageMixin):
        return False
    try:
        model.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
    except Resolver404:
        return False
    return True


def route_directly(root, request, path_components):
    prefixes = [
        root.url_path + "".join(f"{part}/" for part in path_components[:length])
        for length in range(1, len(path_components) + 1)
    ]
    if root.live and _answers_subpath(type(root), path_components):
        return RoutablePageMixin.route(root, request, path_components)
    chain = list(
        Page.objects.filter(url_path__in=prefixes, path__startswith=root.path, depth__gt=root.depth)
        .order_by("depth")
        .values("pk", "depth", "live", "content_type_id")
    )
    if not chain:
        raise Http404
    for row in chain:
        row["model"] = ContentType.objects.get_for_id(row["content_type_id"]).model_class()
    target = chain[-1]
    for row in chain:
        remaining = path_components[row["depth"] - root.depth :]
        if row["live"] and remaining and _answers_subpath(row["model"], remaining):
            target = row
            break
    model = target["model"] or Page  # a page type whose code is gone is served as a plain page
    page = model.objects.get(pk=target["pk"])
    return page.route(request, path_components[target["depth"] - root.depth :])
