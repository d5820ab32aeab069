"""StreamField blocks the regional editors compose pages from."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class QuoteBlock(blocks.StructBlock):
    """A quotation with the person or club it comes from."""

    text = blocks.TextBlock(label="Zitat")
    source = blocks.CharBlock(label="Quelle", required=False)

    class Meta:
        icon = "openquote"
        label = "Zitat"
        template = "pages/blocks/quote_block.html"


class BodyBlock(blocks.StreamBlock):
    """The body of portraits, stories, events and standard pages.

    Editors see headings, paragraphs, images with alt text and quotes.
    """

    heading = blocks.CharBlock(
        label="Zwischenüberschrift",
        form_classname="title",
        template="pages/blocks/heading_block.html",
    )
    paragraph = blocks.RichTextBlock(
        label="Absatz", features=["bold", "italic", "link", "ol", "ul"]
    )
    image = ImageBlock(label="Bild")
    quote = QuoteBlock()

    class Meta:
        block_counts = {}
