"""The body of a page that reads much and is the same for every reader without a session (a
partnership's profile, a publication), rendered once per generation and kept.

A reader without a session (no sign-in, no page or collection password typed) sees exactly what
every other such reader sees, so while the page cache is on, what ``build()`` returns for them is
kept in the pages cache, shared by every worker, under the page cache's generation
(``portal/page_cache.py``), which any change readers could see replaces. The kept body is
therefore never older than what it shows. It is also kept for readers the page cache itself
does not serve (one with a message waiting), who get the page around it rendered for them.

Readers with a session may see more (restricted documents, a member's actions), so the body is
built for them and never kept. What depends on the request (the address asked for: share links)
(the host aside, which the key includes) belongs outside the body.
"""

from django.conf import settings

from portal.site_structure import remembered


def kept_for_readers(request, name: str, build):
    """``build()``, kept per generation and host for readers without a session."""
    if settings.SESSION_COOKIE_NAME in request.COOKIES or request.user.is_authenticated:
        return build()
    return remembered(request, f"kept-body:{name}", build, using="pages")
