"""Factories for the portal's own page types; each content app keeps its own beside its tests."""

import factory
import wagtail_factories

from portal.models import GlossaryPage, GlossaryTerm, HomePage, StandardPage


def home_page() -> HomePage:
    """The home page the migrations create (every test database has exactly one)."""
    return HomePage.objects.get()


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    introduction = "A short introduction."
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = StandardPage


def section_page_factory(model, title: str, slug: str) -> type[wagtail_factories.PageFactory]:
    """A factory for one of the section pages that sit directly under home."""
    meta = type("Meta", (), {"model": model})
    attributes = {"title": title, "slug": slug, "parent": factory.LazyFunction(home_page)}
    return type(
        f"{model.__name__}Factory", (wagtail_factories.PageFactory,), {**attributes, "Meta": meta}
    )


class GlossaryPageFactory(wagtail_factories.PageFactory):
    title = "Glossary"
    slug = "glossary"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = GlossaryPage


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(GlossaryPageFactory)
    term = factory.Sequence(lambda n: f"Term {n}")
    definition = "What it means."

    class Meta:
        model = GlossaryTerm
