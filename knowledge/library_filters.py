"""The research library's filters and sort order, read from the URL; bad values are ignored."""

from django import forms
from taggit.models import Tag

from knowledge.models.research_choices import PublicationType
from portal.listing import UrlFilterForm, with_all
from portal.taxonomy import Province, Setting

SORTS = {
    "date": ("-publication_date", "title"),
    "title": ("title",),
}


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

    def __init__(self, data, *, library):
        super().__init__(data)
        from knowledge.models import PublicationPage, ResearchPriorityPage

        publications = PublicationPage.objects.child_of(library).live().public()
        years = publications.dates("publication_date", "year", order="DESC")
        self.fields["year"].choices = with_all([(d.year, d.year) for d in years], "All years")
        topics = Tag.objects.filter(
            knowledge_publicationtag_items__content_object__in=publications
        ).distinct()
        self.fields["topic"].choices = with_all(
            [(tag.slug, tag.name) for tag in topics.order_by("name")], "All topics"
        )
        # Only the priorities this library's publications answer, as (id, title) rows: the
        # research agenda may hold hundreds that no publication has answered yet.
        priorities = (
            ResearchPriorityPage.objects.live()
            .filter(pk__in=publications.values("priority_id"))
            .public()
            .order_by("title")
            .values_list("pk", "title")
        )
        self.fields["priority"].choices = with_all(list(priorities), "All priorities")

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
