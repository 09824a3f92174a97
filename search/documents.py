"""The flat document every searchable thing is projected into, whatever app it comes from."""

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SearchDocument:
    """What the search index knows about one public item. Nothing private goes in here."""

    kind: str
    object_id: int
    title: str
    url: str
    summary: str = ""
    body: str = ""
    date: datetime.date | None = None
    # When it first appeared on the portal (first published, registered): the order in which a
    # search's feed announces what is new, whatever the item's own date.
    added: datetime.datetime | None = None
    provinces: list[str] = field(default_factory=list)
    settings: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    partnerships: list[str] = field(default_factory=list)  # register references
    partnership_names: list[str] = field(default_factory=list)  # their titles, as words
    rating: str = ""
    topics: list[str] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return f"{self.kind}:{self.object_id}"
