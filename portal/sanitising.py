"""Cleaning HTML that comes from outside the editorial team (members' submissions, imports).

Editors' rich text is already limited by Wagtail's editor; anything else that may contain HTML
passes through ``clean_user_html`` before it is stored, so a script or an event handler can
never reach another reader's browser.
"""

import nh3

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def clean_user_html(html: str) -> str:
    """Keep basic formatting and safe links; drop everything else, including its content for
    script and style elements. Links get ``rel="noopener noreferrer nofollow"``."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def plain_text(html: str) -> str:
    """The text of an HTML fragment with every tag removed, still HTML-escaped (safe in a page)."""
    return nh3.clean(html, tags=set(), attributes={})
