"""What the site's own pages put into the portal's search: about and help pages, and each term
of the glossary (a reader asking what a word means lands on its definition)."""

from portal.models import GlossaryPage, GlossaryTerm, StandardPage
from search.documents import SearchDocument
from search.projection import (
    is_publicly_visible,
    linked_documents,
    page_document,
    page_text,
    published_on,
)
from search.registry import Dependency, register


def project_standard_page(page: StandardPage) -> SearchDocument | None:
    return page_document(
        "page",
        page,
        summary=page.introduction,
        body=page_text(page),
        date=published_on(page),
    )


def project_glossary_term(term: GlossaryTerm) -> SearchDocument | None:
    if not is_publicly_visible(term.page):
        return None
    return SearchDocument(
        kind="glossary-term",
        object_id=term.pk,
        title=term.term,
        url=f"{term.page.url}#{term.anchor}",
        summary=term.definition,
        added=term.page.first_published_at,
    )


register(
    "page",
    StandardPage,
    label="About and help",
    project=project_standard_page,
    objects=lambda: StandardPage.objects.live().public(),
    depends_on=linked_documents(StandardPage),
)
register(
    "glossary-term",
    GlossaryTerm,
    label="Glossary",
    project=project_glossary_term,
    objects=lambda: GlossaryTerm.objects.filter(page__live=True).select_related("page"),
    depends_on=[
        # Terms are published with their page; its address and privacy are theirs.
        Dependency(GlossaryPage, lambda page: page.terms.all()),
    ],
)
