"""Building blocks for the idempotent demo-content loaders in each app's ``demo_content`` module.

Every helper finds an object by a stable key first and creates it only when it is missing, so
running ``load_demo_content`` again never duplicates or overwrites anything an editor changed.
"""

from collections.abc import Callable

from wagtail.models import Page

Log = Callable[[str], None]


def ensure_child_page(parent: Page, page_class: type[Page], slug: str, log: Log, **fields) -> Page:
    """The live child of ``parent`` with ``slug``, created and published if it does not exist."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    log(f"Created page {page.url_path} ({page_class._meta.verbose_name})")
    return page


def paragraphs(*texts: str) -> list[tuple[str, str]]:
    """StreamField body content from plain paragraphs (the demo's texts contain no markup)."""
    return [("paragraph", f"<p>{text}</p>") for text in texts]
