"""Which parts of the page tree are private, read once per request rather than once per query.

Wagtail's ``PageQuerySet.public()`` reads every PageViewRestriction each time it is called, and
serving a page reads the page's ancestors and then their restrictions. A partnership profile,
whose sections each list public pages, made six such queries. Here, during a GET or HEAD
request, the private sections (and the aliases, whose restrictions Wagtail resolves through
their source pages) are read in one query, and while the page cache is on they are kept per
generation (``portal/site_structure.py``): saving or deleting a restriction or a page, and
moving a page, replace the generation.

The answers are Wagtail's own. ``public()`` excludes the same subtrees. ``get_view_restrictions``
answers "none" only for a page with no restricted or alias page among itself and its
ancestors; for every other page, and outside a request, Wagtail's queries run unchanged.
"""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from portal.site_structure import reading_request, remembered


@dataclass(frozen=True)
class PrivateTree:
    restricted_paths: tuple[str, ...]
    alias_paths: tuple[str, ...]

    @classmethod
    def read(cls) -> "PrivateTree":
        rows = Page.objects.filter(
            Q(view_restrictions__isnull=False) | Q(alias_of__isnull=False)
        ).values_list("path", "view_restrictions__pk", "alias_of_id")
        restricted, aliases = set(), set()
        for path, restriction, alias_of in rows:
            if restriction is not None:
                restricted.add(path)
            if alias_of is not None:
                aliases.add(path)
        return cls(tuple(sorted(restricted)), tuple(sorted(aliases)))

    def private_q(self) -> Q:
        """The pages in a restricted section: what ``PageQuerySet.private_q`` matches."""
        if not self.restricted_paths:
            return Q(pk__in=[])
        return reduce(or_, (Q(path__startswith=path) for path in self.restricted_paths))

    def may_be_restricted(self, page) -> bool:
        """False only when neither the page nor an ancestor is restricted or an alias."""
        return any(page.path.startswith(path) for path in self.restricted_paths + self.alias_paths)


def current() -> PrivateTree | None:
    """The private tree for this request, or None outside a GET or HEAD request."""
    request = reading_request()
    if request is None:
        return None
    return remembered(request, "private-tree", PrivateTree.read)


def private_q(queryset: PageQuerySet) -> Q:
    tree = current()
    return PageQuerySet.private_q(queryset) if tree is None else tree.private_q()


def public(queryset: PageQuerySet) -> PageQuerySet:
    """``queryset.public()`` for any page queryset (``get_children()`` gives Wagtail's own)."""
    return queryset.exclude(private_q(queryset))


def view_restrictions(page):
    """``page.get_view_restrictions()``, without queries for a page nothing restricts."""
    tree = current()
    if tree is not None and not tree.may_be_restricted(page):
        return PageViewRestriction.objects.none()
    return Page.get_view_restrictions(page)


def is_public(page) -> bool:
    """Whether a page already read is among ``live().public()``: live, and neither it nor an
    ancestor restricted to some readers. For links to a page from another one (a publication's
    research priority, a practice's evidence), which must not name a draft or a private page."""
    return page.live and not view_restrictions(page).exists()


class PortalPageQuerySet(PageQuerySet):
    def private_q(self):
        return private_q(self)


PortalPageManager = PageManager.from_queryset(PortalPageQuerySet)
