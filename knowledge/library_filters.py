"""The research library's filters and sort order, read from the URL; bad values are ignored."""

from django import forms
from taggit.models import Tag

from knowledge.models.research_choices import PublicationType
from portal.listing import UrlFilterForm, with_all
from portal.site_structure import remembered
from portal.taxonomy import Province, Setting

SORTS = {
    # Ties in the publication's own table, so the newest are read from its date index.
    "date": ("-publication_date", "pk"),
    "title": ("title",),
}


def filter_choices(library) -> tuple[list, list, list]:
    """The years, topics and research priorities of the library's publications, as choices
    (kept per generation with the site's structure: any publication saved replaces them)."""
    from knowledge.models import PublicationPage, ResearchPriorityPage

    publications = PublicationPage.objects.child_of(library).live().public()
    years = publications.dates("publication_date", "year", order="DESC")
    topics = Tag.objects.filter(
        knowledge_publicationtag_items__content_object__in=publications
    ).distinct()
    # Only the priorities this library's publications answer, as (id, title) rows: the
    # research agenda may hold hundreds that no publication has answered yet.
    priorities = (
        ResearchPriorityPage.objects.live()
        .filter(pk__in=publications.values("priority_id"))
        .public()
        .order_by("title")
        .values_list("pk", "title")
    )
    return (
        [(d.year, d.year) for d in years],
        list(topics.order_by("name").values_list("slug", "name")),
        list(priorities),
    )


class PublicationFilterForm(UrlFilterForm):
    type = forms.ChoiceField(
        label="Type", required=False, choices=with_all(PublicationType.choices, "All types")
    )
    year = forms.TypedChoiceField(label="Year", required=False, coerce=int, empty_value=None)
    province = forms.ChoiceField(
        required=False, choices=with_all(Province.choices, "All provinces")
    )
    setting = forms.ChoiceField(required=False, choices=with_all(Setting.choices, "All settings"))
    topic = forms.ChoiceField(label="Topic", required=False)
    priority = forms.TypedChoiceField(
        label="Research priority", required=False, coerce=int, empty_value=None
    )
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[("date", "Newest first"), ("title", "Title")],
    )

    def __init__(self, data, *, library, request=None):
        super().__init__(data)
        years, topics, priorities = remembered(
            request, f"library-filter-choices:{library.pk}", lambda: filter_choices(library)
        )
        self.fields["year"].choices = with_all(years, "All years")
        self.fields["topic"].choices = with_all(topics, "All topics")
        self.fields["priority"].choices = with_all(priorities, "All priorities")

    lookups = {
        "type": "publication_type",
        "year": "publication_date__year",
        "province": "provinces__has",
        "setting": "place_settings__has",
        "topic": "topics__slug",
        "priority": "priority_id",
    }
    joined = frozenset({"topic"})

    def order(self, queryset, sort: str):
        return queryset.order_by(*SORTS.get(sort, SORTS["date"]))
