"""The demo glossary: the terms the portal's pages link to, in the project's own words."""

from portal.demo_helpers import Log, ensure_child_page
from portal.models import LINKED_TERMS, GlossaryPage, GlossaryTerm

DEFINITIONS = {
    "cpf": "A forum at a police station where residents and the station's managers meet to set "
    "local policing priorities together and hold each other to account. Most stations have one.",
    "csf": "A municipal forum that brings government departments, police and civil society "
    "together to plan for safety across a whole municipality, beyond policing alone.",
    "community-in-blue": "A SAPS programme in which trained residents patrol with, and report "
    "to, their local station, under the station's direction.",
    "partnership-levels": "How closely partners work together, from least to most connected: "
    "communication (sharing information), coordination (aligning separate plans), cooperation "
    "(sharing some resources) and collaboration (a joint plan with shared resources and "
    "shared risk).",
    "stances": "The Secretariat's position on a kind of partnership: pursue it (go looking for "
    "it), take it (accept it when someone offers) or leave it (do not take part).",
    "settings": "The kind of place a practice was tried in: urban, suburban, peri-urban, "
    "informal settlement or rural. What works in one kind of place may not work in another.",
    "strategic-thrusts": "The eight lines of work of the Partnership Strategy, from keeping this "
    "register to training police and forum members in community policing. Each partnership "
    "records the thrusts it serves.",
}
EXTRA_TERMS = [
    (
        "EMMIE",
        "emmie",
        "Five notes on every rated practice: the effect found, the mechanism that explains it, "
        "the moderators (where it works and where not), what implementing it takes, and its "
        "economic cost.",
    ),
    (
        "SAPS",
        "saps",
        "The South African Police Service, the national police force.",
    ),
]


def load(home, log: Log) -> GlossaryPage:
    terms = [
        GlossaryTerm(term=LINKED_TERMS[anchor], anchor=anchor, definition=text, sort_order=i)
        for i, (anchor, text) in enumerate(DEFINITIONS.items())
    ] + [
        GlossaryTerm(term=term, anchor=anchor, definition=text, sort_order=len(DEFINITIONS) + i)
        for i, (term, anchor, text) in enumerate(EXTRA_TERMS)
    ]
    return ensure_child_page(
        home,
        GlossaryPage,
        "glossary",
        log,
        title="Glossary",
        introduction="The terms and abbreviations used across the portal, in plain words.",
        terms=terms,
        show_in_menus=False,
    )
