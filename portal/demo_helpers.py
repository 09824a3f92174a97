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


def placeholder_pdf(text: str) -> bytes:
    """A small, valid one-page PDF showing ``text``: a stand-in for real scans and reports."""
    safe_text = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = f"BT /F1 14 Tf 72 760 Td ({safe_text}) Tj ET".encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    output = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref_at = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        output += b"%010d 00000 n \n" % offset
    output += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref_at,
    )
    return bytes(output)


def placeholder_document(title: str, slug: str):
    """A document holding a placeholder PDF titled ``title`` (its text is searchable)."""
    from django.core.files.base import ContentFile

    from portal.models import PortalDocument

    document = PortalDocument(
        title=title, file=ContentFile(placeholder_pdf(title), name=f"{slug}.pdf")
    )
    document.save()
    return document
