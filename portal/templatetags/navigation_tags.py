"""Header menu, breadcrumbs and footer, all generated from the page tree and site settings."""

from django import template
from wagtail.models import Site

from portal import account_links as accounts
from portal import page_privacy
from portal.models import FooterSettings
from portal.routing import routed_ancestors
from portal.site_structure import remembered

register = template.Library()


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


def _menu_entries(root, request) -> list[dict]:
    if root is None:
        return []
    children = page_privacy.public(root.get_children().live()).in_menu()
    return [
        {"pk": child.pk, "path": child.path, "title": child.title, "url": child.get_url(request)}
        for child in children
    ]


@register.inclusion_tag("portal/includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The site root's published, public children marked "show in menus"."""
    request = context.get("request")
    root = _site_root(context)
    entries = remembered(request, "main-menu", lambda: _menu_entries(root, request))
    current = context.get("page")
    items = []
    for entry in entries:
        if current is not None and current.pk == entry["pk"]:
            state = "page"
        elif current is not None and current.path.startswith(entry["path"]):
            state = "location"
        else:
            state = ""
        items.append({**entry, "current": state})
    return {"items": items}


@register.inclusion_tag("portal/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, *trail):
    """The trail from the site root down to the current page (hidden on the home page).

    A page's own sub-URL (a profile, the commitments tracker) continues the trail beneath it:
    ``{% breadcrumbs label url label url ... %}``, the last pair being where the reader is (its
    url may be empty when the address is not worth linking, such as a one-time link)."""
    page = context.get("page")
    root = _site_root(context)
    if page is None or root is None or (page.pk == root.pk and not trail):
        return {"ancestors": [], "page": page}
    if len(trail) % 2:
        raise template.TemplateSyntaxError("breadcrumbs takes label and url pairs")
    ancestors = routed_ancestors(context.get("request"), page)
    if ancestors is None:
        ancestors = page.get_ancestors().filter(depth__gte=root.depth)
    return {
        "ancestors": [ancestor for ancestor in ancestors if ancestor.live],
        "page": page,
        "trail": [
            {"label": label, "url": url} for label, url in zip(trail[::2], trail[1::2], strict=True)
        ],
    }


def _footer(request) -> dict:
    footer = FooterSettings.for_request(request) if request else None
    notice = footer.privacy_notice_page if footer else None
    if notice is not None and not (notice.live and notice.get_view_restrictions().count() == 0):
        notice = None
    return {
        "footer": footer,
        "privacy_notice": {"title": notice.title, "url": notice.get_url(request)}
        if notice
        else None,
    }


@register.inclusion_tag("portal/includes/footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    return {**remembered(request, "footer", lambda: _footer(request)), "request": request}


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """This address without its query string, for OpenGraph and share links."""
    request = context.get("request")
    return request.build_absolute_uri(request.path) if request is not None else ""


@register.inclusion_tag("portal/includes/account_menu.html", takes_context=True)
def account_menu(context):
    """Who is signed in and their own area, for the header; nothing for anonymous readers."""
    request = context.get("request")
    return {"menu": accounts.account_menu(request) if request else None, "request": request}
