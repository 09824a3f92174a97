"""StreamField blocks shared by every page type, each rendering accessible, valid HTML."""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

# Rich text stays simple: headings come from HeadingBlock so their levels can be kept in order.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section heading (h2)"), ("h3", "Subheading (h3)")],
        default="h2",
        help_text="Page titles are h1; use h2 for sections and h3 only beneath an h2.",
    )

    class Meta:
        icon = "title"
        template = "portal/blocks/heading_block.html"


class FigureBlock(blocks.StructBlock):
    """An image with alternative text (from ImageBlock) and an optional visible caption."""

    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=300)

    class Meta:
        icon = "image"
        template = "portal/blocks/figure_block.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "portal/blocks/quote_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A download link that tells the reader the file's type and size before they click."""

    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, max_length=200, help_text="Leave blank to use the document's own title."
    )

    class Meta:
        icon = "doc-full"
        template = "portal/blocks/document_link_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    figure = FigureBlock()
    quote = QuoteBlock()
    document = DocumentLinkBlock()
