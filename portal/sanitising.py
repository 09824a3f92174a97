"""Cleaning HTML that comes from outside the editorial team (members' submissions, imports).

Editors' rich text is already limited by Wagtail's editor; anything else that may contain HTML
passes through ``clean_user_html`` before it is stored, so a script or an event handler can
never reach another reader's browser.
"""

import html
import re

import nh3
from django.utils.html import linebreaks, strip_tags

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
BLOCK_MARKUP = re.compile(r"<(?:p|br|ul|ol|li|blockquote)\b", re.IGNORECASE)


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


def paragraphs(text: str) -> str:
    """Member text as it should read, cleaned: most members type plain text, where a blank line
    starts a paragraph and a single newline breaks the line (HTML would run it all together).
    Text that already has paragraphs or lists is left as written.

    Nothing is escaped twice (entities of text cleaned when it was saved stay as they are), and
    the result is cleaned again, so it is safe in a page whatever was stored."""
    if not BLOCK_MARKUP.search(text):
        text = linebreaks(text)
    return clean_user_html(text)


def html_text(markup: str) -> str:
    """The readable text of an HTML fragment: a tag becomes a space, so
    "<p>partner</p><p>Review</p>" reads "partner Review" (``strip_tags`` alone would make
    "partnerReview", a word nobody searches for), and entities become characters."""
    return " ".join(html.unescape(strip_tags(markup.replace("<", " <"))).split())
