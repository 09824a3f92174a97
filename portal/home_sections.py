"""How content apps put their latest items on the home page without the portal importing them.

An app registers a function with ``@hooks.register(HOME_SECTIONS_HOOK)``; it receives the request
and the home page and returns a ``HomeSection`` (or ``None``). Sections without items are
dropped, so an app with nothing published yet shows nothing rather than an empty heading.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from wagtail import hooks

HOME_SECTIONS_HOOK = "portal_home_sections"


@dataclass(frozen=True)
class HomeSection:
    """One block of the home page: a heading, items to list, and a link to see them all.

    ``items`` are objects with ``title`` and ``url`` (and optionally ``summary`` and ``date``),
    or, for register figures, ``(label, number)`` pairs when ``kind`` is ``"figures"``.
    """

    title: str
    items: Sequence = field(default_factory=tuple)
    more_url: str = ""
    more_label: str = ""
    kind: str = "list"
    order: int = 100


def collect_home_sections(request, home_page) -> list[HomeSection]:
    sections = []
    for build_section in hooks.get_hooks(HOME_SECTIONS_HOOK):
        section = build_section(request, home_page)
        if section is not None and section.items:
            sections.append(section)
    return sorted(sections, key=lambda section: section.order)
