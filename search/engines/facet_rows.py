"""The numbers under which the database engine stores facet (name, value) pairs."""

from search.models import FacetValue


def facet_ids(pairs: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """The numbers of these (name, value) pairs, numbering the new ones."""
    FacetValue.objects.bulk_create(
        [FacetValue(name=name, value=value) for name, value in pairs], ignore_conflicts=True
    )
    ids = {}
    for name in {name for name, _ in pairs}:
        values = sorted(value for pair_name, value in pairs if pair_name == name)
        for start in range(0, len(values), 500):
            found = FacetValue.objects.filter(name=name, value__in=values[start : start + 500])
            ids.update({(name, value): pk for value, pk in found.values_list("value", "pk")})
    return ids
