"""Header menu, breadcrumbs and footer, all generated from the page tree and site settings."""

from django import template
from wagtail.models import Site

from portal.models import FooterSettings

register = template.Library()


def _site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


@register.inclusion_tag("portal/includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The site root's published, public children marked "show in menus"."""
    root = _site_root(context)
    current = context.get("page")
    items = []
    if root is not None:
        for child in root.get_children().live().public().in_menu():
            if current is not None and current.pk == child.pk:
                state = "page"
            elif current is not None and current.path.startswith(child.path):
                state = "location"
            else:
                state = ""
            items.append({"page": child, "current": state})
    return {"items": items}


@register.inclusion_tag("portal/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the site root down to the current page (hidden on the home page)."""
    page = context.get("page")
    root = _site_root(context)
    if page is None or root is None or page.pk == root.pk:
        return {"ancestors": [], "page": page}
    ancestors = page.get_ancestors().filter(depth__gte=root.depth).live()
    return {"ancestors": ancestors, "page": page}


@register.inclusion_tag("portal/includes/footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    footer = FooterSettings.for_request(request) if request else None
    notice = footer.privacy_notice_page if footer else None
    if notice is not None and not notice.live:
        notice = None
    return {"footer": footer, "privacy_notice_page": notice, "request": request}


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """This address without its query string, for OpenGraph and share links."""
    request = context.get("request")
    return request.build_absolute_uri(request.path) if request is not None else ""
