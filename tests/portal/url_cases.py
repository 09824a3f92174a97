"""Every URL pattern in the URLconf, filled in with real ids from the authorisation world.

Each pattern becomes one or more `Case`s (a URL to request). Wagtail's catch-all page route
becomes one case per page of the tree and one per sub-URL of each routable page, including
the unpublished page, the page for signed-in readers and the internal partnership's profile.
"""

import re
from dataclasses import dataclass

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.models import Page

from dialogue.models import Commitment

PAGE_ROUTE = "wagtail_serve"


@dataclass(frozen=True)
class Route:
    route: str  # the pattern as written, prefixes included: what expectations are keyed on
    name: str  # namespaced, for reverse()
    pattern: URLPattern


@dataclass(frozen=True)
class Case:
    route: str
    label: str  # what the URL points at, when a route has several cases
    url: str


def routes() -> list[Route]:
    found = []

    def walk(patterns, prefix="", namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            else:
                route = prefix + str(pattern.pattern)
                name = f"{namespace}{pattern.name}" if pattern.name else ""
                found.append(Route(route, name, pattern))

    walk(get_resolver().url_patterns)
    unique = {}
    for route in found:
        unique.setdefault(route.route, route)  # the first pattern for a route answers it
    return list(unique.values())


def parameters(pattern: URLPattern) -> list[str]:
    regex = pattern.pattern.regex
    return list(regex.groupindex) or [f"_{index}" for index in range(regex.groups)]


def view_model(pattern: URLPattern):
    initkwargs = getattr(pattern.callback, "view_initkwargs", {}) or {}
    return initkwargs.get("model")


def instance_of(model, world):
    ids = world.ids
    if isinstance(model, str):
        model = apps.get_model(model)
    preferred = {
        "knowledge.partnership": ids["internal_partnership"],
        "knowledge.agreement": ids["agreement"],
        "reference_group.assessment": ids["draft"],
        "portal.portaldocument": ids["restricted_document"],
    }
    found = preferred.get(model._meta.label_lower)
    return found if found is not None else model._default_manager.first()


def argument(world, route: Route, name: str):
    ids = world.ids
    page = ids["restricted"]
    model = view_model(route.pattern)
    snippet = re.match(r"admin/snippets/(?:choose/)?(\w+)/(\w+)/", route.route)
    values = {
        "page_id": page.pk,
        "parent_page_id": page.pk,
        "page_to_move_id": page.pk,
        "destination_id": ids["root_page"].pk,
        "page_pk": page.pk,
        "revision_id": ids["revision"].pk,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "document_id": ids["restricted_document"].pk,
        "doc_id": ids["restricted_document"].pk,
        "image_id": ids["image"].pk,
        "collection_id": ids["collection"].pk,
        "restriction_id": ids["collection_restriction"].pk,
        "page_view_restriction_id": ids["page_restriction"].pk,
        "name": ids["agreement"].signed_scan.name,
        "filter_spec": "original",
        "action_name": "approve",
        "action": "delete",
        "uidb64": "MQ",
        "token": "set-password",
        "session_id": 1,
        "object_id": ids["internal_partnership"].pk,
        "content_type_app_name": "portal",
        "content_type_model_name": "standardpage",
        "app_label": snippet.group(1) if snippet else "knowledge",
        "app_name": snippet.group(1) if snippet else "knowledge",
        "model_name": snippet.group(2) if snippet else "partnership",
        "attachment_id": ids["attachment"].pk,
    }
    if route.name.startswith("wagtailadmin_pages:add") or route.name.startswith(
        "wagtailadmin_pages:create"
    ):
        values.update(app_label="portal", model_name="standardpage")
    if name == "attachment_id" and "review" in route.route:
        return ids["submitted_attachment"].pk
    if name == "revision_id" and route.route.startswith("members/"):
        return ids["draft"].revisions.order_by("pk").first().pk
    if name == "revision_id" and snippet is not None:
        instance = instance_of(apps.get_model(snippet.group(1), snippet.group(2)), world)
        revision = instance.revisions.order_by("pk").last() if instance else None
        return revision.pk if revision else ids["revision"].pk
    if name == "pk":
        if route.route.startswith("admin/pages/"):
            return page.pk
        if route.route.startswith("members/assessments/"):
            return ids["draft"].pk
        if route.route.startswith("admin/reference-groups/review/"):
            return ids["submitted"].pk
        if route.route.startswith("admin/collections/"):
            return ids["collection"].pk
        if snippet is not None:
            model = apps.get_model(snippet.group(1), snippet.group(2))
        if model is not None:
            instance = instance_of(model, world)
            return instance.pk if instance is not None else 1
        return 1
    return values.get(name, 1)


def page_cases(world) -> list[Case]:
    """Every page of the tree, and every sub-URL of the routable ones."""
    ids = world.ids
    cases = []
    for page in Page.objects.exclude(depth=1).specific().order_by("path"):
        url = page.get_url() or ("/" + page.url_path.split("/", 2)[-1])
        cases.append(Case(PAGE_ROUTE, f"{type(page).__name__} {page.slug}", url))
        for label, tail in subpage_tails(page, ids):
            cases.append(Case(PAGE_ROUTE, f"{type(page).__name__} {label}", url + tail))
    return cases


def subpage_tails(page, ids) -> list[tuple[str, str]]:
    """The sub-URLs of a routable page, filled in (the partnership profiles both public and
    internal, the first commitment, a registration's cancel link)."""
    name = type(page).__name__
    if name == "PartnershipsSectionPage":
        return [
            ("public profile", ids["public_partnership"].reference + "/"),
            ("internal profile", ids["internal_partnership"].reference + "/"),
            ("register download", "download/"),
        ]
    if name == "BestPracticeSectionPage":
        return [("RSS", "feed/"), ("Atom", "feed/atom/")]
    if name == "PublicationPage":
        return [("BibTeX", "cite/bibtex/"), ("RIS", "cite/ris/")]
    if name == "ResearchLibraryPage":
        return [
            ("recommendations", "recommendations/"),
            ("references RIS", "cite/ris/"),
            ("references BibTeX", "cite/bibtex/"),
            ("RSS", "feed/"),
            ("Atom", "feed/atom/"),
        ]
    if name == "DialogueSectionPage":
        return [
            ("commitments", "commitments/"),
            ("commitments download", "commitments/download/"),
            ("commitments RSS", "commitments/feed/"),
            ("commitments Atom", "commitments/feed/atom/"),
            ("a commitment", f"commitments/{Commitment.objects.first().pk}/"),
            ("calendar", "calendar/"),
            ("RSS", "feed/"),
            ("Atom", "feed/atom/"),
        ]
    if name == "DialogueEventPage":
        tails = [("register", "register/"), ("event calendar", "calendar/")]
        if page.pk == ids["event"].pk and ids["registration"] is not None:
            token = ids["registration"].cancel_token
            tails.append(("cancel link", f"cancel/?token={token}"))
        return tails
    return []


def cases(world) -> list[Case]:
    found = []
    for route in routes():
        if route.name == PAGE_ROUTE:
            found.extend(page_cases(world))
            continue
        if not route.pattern.name:  # Wagtail's admin "not found" routes
            path = "/" + route.route.replace("^.*/$", "no-such-screen/")
            found.append(Case(route.route, "", path))
            continue
        names = parameters(route.pattern)
        if names and names[0].startswith("_"):  # unnamed groups: Wagtail's document serve
            document = world.ids
            for label, kept in (
                ("public document", document["public_document"]),
                ("restricted document", document["restricted_document"]),
            ):
                url = reverse(route.name, args=[kept.pk, kept.filename])
                found.append(Case(route.route, label, url))
            continue
        kwargs = {name: argument(world, route, name) for name in names}
        found.append(Case(route.route, "", reverse(route.name, kwargs=kwargs)))
        if route.route.startswith("members/assessments/<int:pk>"):
            kwargs["pk"] = world.ids["submitted"].pk
            if "attachment_id" in kwargs:
                kwargs["attachment_id"] = world.ids["submitted_attachment"].pk
            if "revision_id" in kwargs:
                kwargs["revision_id"] = world.ids["submitted"].revisions.order_by("pk").first().pk
            found.append(Case(route.route, "submitted", reverse(route.name, kwargs=kwargs)))
    return found
