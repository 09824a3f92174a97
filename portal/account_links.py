"""What the header offers a signed-in person (their own area, signing out) without the portal
importing the apps that give people accounts.

An app registers ``fn(request) -> AccountMenu | None`` under ``ACCOUNT_MENU_HOOK``; it is asked
only for a signed-in user, and answers ``None`` for anyone it has nothing for. Anonymous
readers never reach the hooks, so their pages cost nothing more and stay cacheable.
"""

from dataclasses import dataclass, field

from wagtail import hooks

ACCOUNT_MENU_HOOK = "portal_account_menu"


@dataclass(frozen=True)
class AccountLink:
    label: str
    url: str
    post: bool = False  # a button that posts (signing out changes state, so it is never a link)


@dataclass(frozen=True)
class AccountMenu:
    """Who is signed in, as the app names them, and what they can reach from any page."""

    name: str
    links: list[AccountLink] = field(default_factory=list)


def account_menu(request) -> AccountMenu | None:
    """The first menu an app gives the signed-in user of ``request``, or None."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    for build in hooks.get_hooks(ACCOUNT_MENU_HOOK):
        menu = build(request)
        if menu is not None:
            return menu
    return None
